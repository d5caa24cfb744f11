using System.ComponentModel.DataAnnotations;
using Visitation.Messaging;

namespace Visitation.Notification.Features.Deliver;

/// <summary>Where and how patiently SMS go out; validated at start-up.</summary>
public sealed class SmsGatewayOptions
{
    public const string Section = "SmsGateway";

    /// <summary>The gateway's base address; messages are POSTed to <c>{BaseUrl}sms</c>.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:5199/");

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    [PositiveDuration]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
