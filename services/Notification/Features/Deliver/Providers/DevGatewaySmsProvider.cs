using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// The development gateway (services/DevSmsGateway) as a provider: it takes the rendered text, keeps
/// every message and "delivers" at once, so a query that finds a message reports it delivered.
/// A 4xx answer is the gateway refusing the message for good; anything else that is not 2xx may pass.
/// </summary>
public sealed class DevGatewaySmsProvider(HttpClient http, IOptions<SmsGatewayOptions> options) : ISmsProvider
{
    public const string ProviderName = "dev-gateway";

    public string Name => ProviderName;

    public async Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.BaseUrl, "sms"))
        {
            Content = JsonContent.Create(new GatewayRequest(sms.MessageId, sms.Phone, SmsTemplates.Render(sms.Kind, sms.Values))),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            // Accepted is accepted: an unreadable body must not make us send the SMS again.
            var reply = await ReadAsync<GatewayReply>(response, cancellationToken);
            return SendResult.Accepted(reply?.GatewayId ?? string.Empty);
        }

        var error = await ReadAsync<GatewayError>(response, cancellationToken);
        var code = error?.Code ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new SendResult(SendOutcome.Throttled, null, code, null),
            >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError => new SendResult(SendOutcome.PermanentFailure, null, code, null),
            _ => new SendResult(SendOutcome.TemporaryFailure, null, code, null),
        };
    }

    public async Task<DeliveryReport> QueryAsync(Guid messageId, string phone, DateTimeOffset attemptedAt, CancellationToken cancellationToken)
    {
        var received = await http.GetFromJsonAsync<List<GatewayMessage>>(new Uri(options.Value.BaseUrl, $"sms?phone={Uri.EscapeDataString(phone)}"), cancellationToken) ?? [];
        return received.Find(m => m.MessageId == messageId) is { } found
            ? new DeliveryReport(messageId, found.GatewayId, DeliveryOutcome.Delivered, "DELIVRD", null, found.ReceivedAt)
            : new DeliveryReport(messageId, null, DeliveryOutcome.NotFound, null, null, null);
    }

    /// <summary>The gateway pushes nothing and keeps no receipt queue: its messages' receipts are queried.</summary>
    public Task<IReadOnlyList<DeliveryReport>> PullReceiptsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryReport>>([]);

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record GatewayRequest(Guid MessageId, string Phone, string Text);

    private sealed record GatewayReply(string GatewayId);

    private sealed record GatewayError(string? Code);

    private sealed record GatewayMessage(Guid MessageId, string GatewayId, DateTimeOffset ReceivedAt);
}
