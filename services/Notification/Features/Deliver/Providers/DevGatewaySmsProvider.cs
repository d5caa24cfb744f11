using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// The development gateway (services/DevSmsGateway): the rendered text over HTTP, our id as the
/// idempotency key. The gateway is the handset: what it received is delivered, so a query answers
/// Delivered or NotFound and there are no receipts to pull.
/// </summary>
public sealed class DevGatewaySmsProvider(string name, Uri baseUrl, HttpClient http) : ISmsProvider
{
    public string Name => name;

    public async Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "sms"))
        {
            Content = JsonContent.Create(new GatewayRequest(sms.MessageId, sms.Phone, SmsTemplates.Render(sms.Kind, sms.Values))),
        };
        request.Headers.Add("Idempotency-Key", sms.MessageId.ToString());
        using var response = await http.SendAsync(request, cancellationToken);
        var code = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            return new SendResult(SendOutcome.Throttled, null, code, response.ReasonPhrase);
        if ((int)response.StatusCode is >= 400 and < 500)
            return new SendResult(SendOutcome.PermanentFailure, null, code, await response.Content.ReadAsStringAsync(cancellationToken));
        if (!response.IsSuccessStatusCode)
            return new SendResult(SendOutcome.TemporaryFailure, null, code, response.ReasonPhrase);
        return SendResult.Accepted(await GatewayIdAsync(response, cancellationToken));
    }

    public async Task<DeliveryReport> QueryAsync(Guid messageId, string phone, DateTimeOffset attemptedAt, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(baseUrl, $"sms/{messageId}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return new DeliveryReport(messageId, null, DeliveryOutcome.NotFound, null, null, null);
        response.EnsureSuccessStatusCode();
        var received = await response.Content.ReadFromJsonAsync<GatewayMessage>(cancellationToken)
            ?? throw new SmsProviderException(name, "200", "An empty answer.");
        return new DeliveryReport(messageId, received.GatewayId, DeliveryOutcome.Delivered, null, null, received.ReceivedAt);
    }

    public Task<IReadOnlyList<DeliveryReport>> PullReceiptsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryReport>>([]);

    /// <summary>Accepted is accepted: an unreadable answer must not make us send the SMS again.</summary>
    private static async Task<string> GatewayIdAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<GatewayMessage>(ct))?.GatewayId ?? string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private sealed record GatewayRequest(Guid MessageId, string Phone, string Text);

    private sealed record GatewayMessage(string GatewayId, DateTimeOffset? ReceivedAt);
}
