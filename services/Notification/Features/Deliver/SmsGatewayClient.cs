using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Visitation.Notification.Features.Deliver;

/// <summary>
/// Sends one SMS to the gateway over HTTP. Our message id travels as the idempotency key, so a
/// resend after a crash between "gateway accepted" and "we recorded it" is dropped by the gateway.
/// </summary>
public sealed class SmsGatewayClient(HttpClient http, IOptions<SmsGatewayOptions> options)
{
    public async Task<string> SendAsync(Guid messageId, string phone, string text, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.BaseUrl, "sms"))
        {
            Content = JsonContent.Create(new GatewayRequest(messageId, phone, text)),
        };
        request.Headers.Add("Idempotency-Key", messageId.ToString());
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        // Accepted is accepted: an unreadable receipt must not make us send the SMS again.
        try
        {
            var reply = await response.Content.ReadFromJsonAsync<GatewayReply>(ct);
            return reply?.GatewayId ?? string.Empty;
        }
        catch (System.Text.Json.JsonException)
        {
            return string.Empty;
        }
    }

    private sealed record GatewayRequest(Guid MessageId, string Phone, string Text);

    private sealed record GatewayReply(string GatewayId);
}
