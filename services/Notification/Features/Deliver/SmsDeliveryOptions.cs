using System.ComponentModel.DataAnnotations;
using Visitation.Messaging;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Deliver;

/// <summary>How SMS go out: round size, patience, the per-number limits and the quiet hours; validated at start-up.</summary>
public sealed class SmsDeliveryOptions
{
    public const string Section = "SmsDelivery";

    /// <summary>Messages claimed per round; they are sent in parallel, up to <see cref="Parallelism"/> at once.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    [Range(1, 64)]
    public int Parallelism { get; set; } = 16;

    /// <summary>Failures that might pass (provider busy, handset off) before the SMS is given up and the office told.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// The longest the dispatcher sleeps with nothing due. New work wakes it at once (PostgreSQL
    /// NOTIFY on every queued SMS); this only bounds a missed signal and deferred messages coming due.
    /// </summary>
    [PositiveDuration]
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A provider call gets this long; an attempt older than twice this with no recorded outcome was cut short (a crash) and is settled by asking the provider.</summary>
    [PositiveDuration]
    public TimeSpan ProviderTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long after a provider took an SMS its receipt is first asked for, if it has not come by
    /// callback or pull; then after as long again as it has waited (ReceiptPolling runs on
    /// <c>PeriodicWork:ReceiptPolling:Interval</c>).
    /// </summary>
    [PositiveDuration]
    public TimeSpan ReceiptWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the provider's throttling defers a message.</summary>
    [PositiveDuration]
    public TimeSpan ThrottledWait { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1, 1000)]
    public int PerNumberPerMinute { get; set; } = SendingLimits.Default.PerMinute;

    [Range(1, 10_000)]
    public int PerNumberPerHour { get; set; } = SendingLimits.Default.PerHour;

    [Range(1, 100_000)]
    public int PerNumberPerDay { get; set; } = SendingLimits.Default.PerDay;

    /// <summary>Quiet hours, China time: non-urgent messages wait until <see cref="QuietUntil"/>. Equal values switch them off.</summary>
    public TimeOnly QuietFrom { get; set; } = QuietHours.Default.From;

    public TimeOnly QuietUntil { get; set; } = QuietHours.Default.Until;

    public SendingLimits Limits => new(PerNumberPerMinute, PerNumberPerHour, PerNumberPerDay);

    public QuietHours? Quiet => QuietFrom == QuietUntil ? null : new QuietHours(QuietFrom, QuietUntil);
}
