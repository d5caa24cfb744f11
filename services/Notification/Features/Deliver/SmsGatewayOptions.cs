namespace Visitation.Notification.Features.Deliver;

public sealed class SmsGatewayOptions
{
    public const string Section = "SmsGateway";

    /// <summary>The gateway's base address; messages are POSTed to <c>{BaseUrl}sms</c>.</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:5199/");

    public int MaxAttempts { get; set; } = 8;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
