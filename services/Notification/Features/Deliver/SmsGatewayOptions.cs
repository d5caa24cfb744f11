using System.ComponentModel.DataAnnotations;

namespace Visitation.Notification.Features.Deliver;

/// <summary>The development SMS gateway (services/DevSmsGateway), the provider when no real one is configured.</summary>
public sealed class SmsGatewayOptions
{
    public const string Section = "SmsGateway";

    /// <summary>The gateway's base address; messages are POSTed to <c>{BaseUrl}sms</c>.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:5199/");
}
