using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using static Visitation.Notification.Features.Deliver.Providers.ProviderJson;
using System.Text.Json.Nodes;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// Tencent Cloud SMS over API 3.0 (version 2021-01-11, TC3-HMAC-SHA256): <c>SendSms</c> with the app
/// id, sign name, template id and the variables as <c>TemplateParamSet</c> in the template's order, our
/// id as <c>SessionContext</c>; receipts by <c>PullSmsSendStatus</c> or the status callback;
/// <c>PullSmsSendStatusByPhoneNumber</c> to look for one message.
/// </summary>
public sealed class TencentSmsProvider(string name, SmsProviderAccount account, HttpClient http, TimeProvider clock) : ISmsProvider, ISmsReceiptCallback
{
    public static readonly Uri PublicEndpoint = new("https://sms.tencentcloudapi.com/");
    public const string Service = "sms";
    private const string ApiVersion = "2021-01-11";
    private const string ContentType = "application/json; charset=utf-8";
    private const int PullLimit = 100;

    /// <summary>
    /// How long after an attempt a message the provider does not list may still have been accepted:
    /// Tencent lists a message only once its receipt came, which operators send within minutes.
    /// </summary>
    public static readonly TimeSpan ReceiptWindow = TimeSpan.FromMinutes(30);

    public string Name => name;

    public string Acknowledgement => """{"result":0,"errmsg":"OK"}""";

    public async Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var composed = SmsTemplates.Compose(sms.Kind, sms.Values);
        var body = new JsonObject
        {
            ["PhoneNumberSet"] = new JsonArray(International(sms.Phone)),
            ["SmsSdkAppId"] = account.SdkAppId,
            ["SignName"] = account.SignName,
            ["TemplateId"] = SmsMessageIds.TemplateCode(account, sms.Kind, SmsTemplateRegistry.Tencent),
            ["TemplateParamSet"] = new JsonArray([.. composed.Parameters.Select(p => (JsonNode?)p.Value)]),
            ["SessionContext"] = SmsMessageIds.Format(sms.MessageId),
        };
        using var reply = await CallAsync("SendSms", body, cancellationToken);
        var response = reply.RootElement.GetProperty("Response");
        if (ErrorOf(response) is { } error)
            return Refused(error.Code, error.Message);
        var status = response.GetProperty("SendStatusSet").EnumerateArray().Single();
        var code = Text(status, "Code");
        var outcome = TencentCodes.OfSend(code);
        return outcome == SendOutcome.Accepted
            ? SendResult.Accepted(Text(status, "SerialNo") ?? string.Empty)
            : Refused(code, Text(status, "Message"));
    }

    public async Task<DeliveryReport> QueryAsync(Guid messageId, string phone, DateTimeOffset attemptedAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sessionContext = SmsMessageIds.Format(messageId);
        for (var offset = 0; ; offset += PullLimit)
        {
            var statuses = await PullAsync("PullSmsSendStatusByPhoneNumber", new JsonObject
            {
                ["BeginTime"] = attemptedAt.AddMinutes(-5).ToUnixTimeSeconds(),
                ["EndTime"] = now.ToUnixTimeSeconds(),
                ["Offset"] = offset,
                ["Limit"] = PullLimit,
                ["PhoneNumber"] = International(phone),
                ["SmsSdkAppId"] = account.SdkAppId,
            }, cancellationToken);
            if (statuses.Find(s => s.Context == sessionContext).Report is { } found)
                return found;
            if (statuses.Count < PullLimit)
                break;
        }

        // Unlisted: never accepted, or accepted and its receipt not yet in.
        var outcome = now - attemptedAt < ReceiptWindow ? DeliveryOutcome.Unknown : DeliveryOutcome.NotFound;
        return new DeliveryReport(messageId, null, outcome, null, null, null);
    }

    /// <summary>The receipts waiting at Tencent, each handed out once; nothing for an account whose receipts come by callback (<see cref="SmsProviderAccount.PollReceipts"/> off).</summary>
    public async Task<IReadOnlyList<DeliveryReport>> PullReceiptsAsync(CancellationToken cancellationToken) =>
        account.PollReceipts
            ? [.. (await PullAsync("PullSmsSendStatus", new JsonObject { ["Limit"] = PullLimit, ["SmsSdkAppId"] = account.SdkAppId }, cancellationToken)).Select(s => s.Report)]
            : [];

    /// <summary>The status callback: a JSON array of <c>{user_receive_time, nationcode, mobile, report_status, errmsg, description, sid, ext}</c>, <c>ext</c> carrying the SessionContext.</summary>
    public IReadOnlyList<DeliveryReport> ParseCallback(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return [.. document.RootElement.EnumerateArray().Select(r => Receipt(
                SmsMessageIds.Parse(Text(r, "ext")),
                Text(r, "sid"),
                TencentCodes.OfReceipt(Text(r, "report_status"), Text(r, "description")),
                Text(r, "errmsg"),
                Text(r, "description"),
                ChinaTime(Text(r, "user_receive_time"))))];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new FormatException("Not a Tencent Cloud SMS status callback.", ex);
        }
    }

    private async Task<List<(string? Context, DeliveryReport Report)>> PullAsync(string action, JsonObject body, CancellationToken ct)
    {
        using var reply = await CallAsync(action, body, ct);
        var response = reply.RootElement.GetProperty("Response");
        if (ErrorOf(response) is { } error)
            throw new SmsProviderException(name, error.Code, error.Message);
        if (!response.TryGetProperty("PullSmsSendStatusSet", out var set) || set.ValueKind != JsonValueKind.Array)
            return [];
        return [.. set.EnumerateArray().Select(s => (Text(s, "SessionContext"), Receipt(
            SmsMessageIds.Parse(Text(s, "SessionContext")),
            Text(s, "SerialNo"),
            TencentCodes.OfReceipt(Text(s, "ReportStatus"), Text(s, "Description")),
            Text(s, "ReportStatus"),
            Text(s, "Description"),
            s.TryGetProperty("UserReceiveTime", out var t) ? ChinaTime(t.GetString()) : null)))];
    }

    private async Task<JsonDocument> CallAsync(string action, JsonObject body, CancellationToken ct)
    {
        var endpoint = account.Endpoint ?? PublicEndpoint;
        var payload = body.ToJsonString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var host = endpoint.IsDefaultPort ? endpoint.Host : endpoint.Authority;
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(payload, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Authorization",
            Tc3Signature.Authorization(account.KeyId!, account.KeySecret!, timestamp, Service, Tc3Signature.CanonicalRequest(ContentType, host, payload)));
        request.Headers.Add("X-TC-Action", action);
        request.Headers.Add("X-TC-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-TC-Version", ApiVersion);
        request.Headers.Add("X-TC-Region", account.Region ?? "ap-guangzhou");
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Response", out _))
                return document;
            document.Dispose();
        }
        catch (JsonException)
        {
        }

        throw new SmsProviderException(name, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), "Not a Tencent Cloud API answer.");
    }

    private static SendResult Refused(string? code, string? message)
    {
        var outcome = TencentCodes.OfSend(code);
        return new SendResult(outcome, null, code, message, outcome == SendOutcome.PermanentFailure ? TencentCodes.ReasonOfSend(code) : null);
    }

    /// <summary>A report, with what the clerk is told when it failed for good.</summary>
    private static DeliveryReport Receipt(Guid? messageId, string? providerId, DeliveryOutcome outcome, string? code, string? description, DateTimeOffset? at) =>
        new(messageId, providerId, outcome, code, description, at, outcome == DeliveryOutcome.FailedPermanently ? TencentCodes.ReasonOfReceipt(description) : null);

    private static (string? Code, string? Message)? ErrorOf(JsonElement response) =>
        response.TryGetProperty("Error", out var error) ? (Text(error, "Code"), Text(error, "Message")) : null;

    /// <summary>Tencent wants E.164: a mainland number as +86 and its 11 digits.</summary>
    private static string International(string phone) => phone.StartsWith('+') ? phone : "+86" + phone;
}
