using Visitation.Contracts.Events;

namespace Visitation.Notification.Data;

/// <summary>
/// One SMS to one family member. <see cref="DedupKey"/> names the outcome it reports (e.g. the
/// application's rejection), and is unique: however often an event arrives, the family hears once.
/// It goes out as a registered template (<see cref="Kind"/>) and its <see cref="Values"/>; <see cref="Text"/>
/// is the same rendered, for staff to read. State changes only through the methods below.
/// </summary>
public sealed class SmsMessage
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }

    /// <summary>The office that filed the application: its province's provider account sends the SMS, and it phones the family when none arrives.</summary>
    public string OfficeId { get; set; } = string.Empty;

    public string DedupKey { get; set; } = string.Empty;
    public string Kind { get; set; } = string.Empty;
    public string Phone { get; set; } = string.Empty;
    public string Text { get; set; } = string.Empty;
    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>When the visit the SMS is about starts, if it is about one: a change close to it goes out even in quiet hours.</summary>
    public DateTimeOffset? VisitStartsAt { get; set; }

    public SmsStatus Status { get; set; }

    /// <summary>Calls made to a provider.</summary>
    public int Attempts { get; set; }

    /// <summary>Attempts that failed in a way that might pass; the SMS gives up after the configured number.</summary>
    public int Failures { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? Provider { get; set; }
    public string? GatewayId { get; set; }
    public string? ProviderCode { get; set; }
    public SmsFailureReason? FailureReason { get; set; }

    /// <summary>Why the last attempt was deferred or failed, in the system's words (never the provider's text, which may quote the number).</summary>
    public string? LastError { get; set; }

    public SmsAttempt StartAttempt(string provider, DateTimeOffset now)
    {
        Attempts++;
        Status = SmsStatus.Sending;
        Provider = provider;
        return new SmsAttempt { Id = Guid.CreateVersion7(now), MessageId = Id, Number = Attempts, Provider = provider, StartedAt = now, Outcome = SmsAttemptOutcome.Unknown };
    }

    /// <summary>The provider took it; <see cref="NextAttemptAt"/> now says when to ask for its receipt if none has come.</summary>
    public void Submitted(string? providerMessageId, DateTimeOffset now, DateTimeOffset askForReceiptAt)
    {
        Status = SmsStatus.Submitted;
        GatewayId = providerMessageId;
        SentAt = now;
        NextAttemptAt = askForReceiptAt;
        LastError = null;
    }

    /// <summary>No receipt yet: ask again after as long again as it has waited (at least <paramref name="minimum"/>, at most an hour).</summary>
    public void AwaitReceipt(DateTimeOffset now, TimeSpan minimum)
    {
        var waited = now - (SentAt ?? now);
        NextAttemptAt = now + TimeSpan.FromTicks(Math.Clamp(waited.Ticks, minimum.Ticks, TimeSpan.FromHours(1).Ticks));
    }

    /// <summary>An attempt whose answer was never recorded is being asked about: not asked about again before <paramref name="until"/>, by this instance or another.</summary>
    public void AwaitProviderAnswer(DateTimeOffset until) => NextAttemptAt = until;

    public void Delivered(DateTimeOffset at)
    {
        Status = SmsStatus.Delivered;
        DeliveredAt = at;
    }

    /// <summary>Back in the queue until <paramref name="until"/>, without counting as a failure (a limit, quiet hours, the provider's throttling, an attempt that never arrived).</summary>
    public void Defer(DateTimeOffset until, string why)
    {
        Status = SmsStatus.Queued;
        NextAttemptAt = until;
        LastError = why;
    }

    /// <summary>A failure that might pass: retried with back-off, or given up after <paramref name="maxFailures"/>. Whether it gave up.</summary>
    public bool FailedTemporarily(string? providerCode, DateTimeOffset now, int maxFailures)
    {
        Failures++;
        ProviderCode = providerCode;
        if (Failures >= maxFailures)
        {
            Fail(SmsFailureReason.OutOfRetries, providerCode, now);
            return true;
        }

        Defer(now.AddSeconds(Math.Min(Math.Pow(2, Failures), 300)), "temporary failure" + (providerCode is null ? string.Empty : $" ({providerCode})"));
        return false;
    }

    public void Fail(SmsFailureReason reason, string? providerCode, DateTimeOffset now)
    {
        Status = SmsStatus.Failed;
        FailureReason = reason;
        ProviderCode = providerCode;
        FailedAt = now;
        LastError = reason.ToString();
    }

    /// <summary>Retention (docs/retention.md): the phone, the text and its values go (and the last error); kind, status and times stay.</summary>
    public void Anonymise()
    {
        Phone = string.Empty;
        Text = string.Empty;
        Values = [];
        LastError = null;
    }
}
