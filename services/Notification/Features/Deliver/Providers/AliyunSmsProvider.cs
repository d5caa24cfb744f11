using System.Globalization;
using System.Text.Json;
using static Visitation.Notification.Features.Deliver.Providers.ProviderJson;
using System.Text.Json.Nodes;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// Alibaba Cloud SMS over its RPC API (dysmsapi, version 2017-05-25): <c>SendSms</c> with the sign
/// name, the template's code and its variables as <c>TemplateParam</c> JSON, our id as <c>OutId</c>;
/// <c>QuerySendDetails</c> by number and day, matched on <c>OutId</c>. Receipts come by the HTTP batch
/// push (<see cref="ParseCallback"/>); the RPC API offers no receipt pull.
/// </summary>
public sealed class AliyunSmsProvider(string name, SmsProviderAccount account, HttpClient http, TimeProvider clock) : ISmsProvider, ISmsReceiptCallback
{
    public static readonly Uri PublicEndpoint = new("https://dysmsapi.aliyuncs.com/");
    private const string ApiVersion = "2017-05-25";
    private const int QueryPageSize = 50;

    public string Name => name;

    public string Acknowledgement => """{"code":0,"msg":"成功"}""";

    public async Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var composed = SmsTemplates.Compose(sms.Kind, sms.Values);
        var templateParam = new JsonObject();
        foreach (var (key, value) in composed.Parameters)
            templateParam[key] = value;
        using var reply = await CallAsync("SendSms", new Dictionary<string, string>
        {
            ["PhoneNumbers"] = sms.Phone,
            ["SignName"] = account.SignName!,
            ["TemplateCode"] = SmsMessageIds.TemplateCode(account, sms.Kind, SmsTemplateRegistry.Aliyun),
            ["TemplateParam"] = templateParam.ToJsonString(),
            ["OutId"] = SmsMessageIds.Format(sms.MessageId),
        }, cancellationToken);
        var code = Text(reply.RootElement, "Code");
        var outcome = AliyunCodes.OfSend(code);
        return outcome == SendOutcome.Accepted
            ? SendResult.Accepted(Text(reply.RootElement, "BizId") ?? string.Empty)
            : new SendResult(outcome, null, code, Text(reply.RootElement, "Message"), outcome == SendOutcome.PermanentFailure ? AliyunCodes.ReasonOf(code) : null);
    }

    public async Task<DeliveryReport> QueryAsync(Guid messageId, string phone, DateTimeOffset attemptedAt, CancellationToken cancellationToken)
    {
        var outId = SmsMessageIds.Format(messageId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(SmsMessageIds.ChinaOffset).DateTime);
        var day = DateOnly.FromDateTime(attemptedAt.ToOffset(SmsMessageIds.ChinaOffset).DateTime);
        // An attempt just before midnight in China may be dated the next day: look there too.
        for (var date = day; date <= day.AddDays(1) && date <= today; date = date.AddDays(1))
        {
            if (await FindAsync(outId, phone, date, cancellationToken) is { } found)
                return found;
        }

        return new DeliveryReport(messageId, null, DeliveryOutcome.NotFound, null, null, null);
    }

    /// <summary>Nothing: Alibaba Cloud delivers receipts by its push (or a message queue), not by a pull over HTTP.</summary>
    public Task<IReadOnlyList<DeliveryReport>> PullReceiptsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeliveryReport>>([]);

    /// <summary>The HTTP batch push: a JSON array of <c>{phone_number, send_time, report_time, success, err_code, err_msg, biz_id, out_id}</c>.</summary>
    public IReadOnlyList<DeliveryReport> ParseCallback(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return [.. document.RootElement.EnumerateArray().Select(r => Receipt(
                SmsMessageIds.Parse(Text(r, "out_id")),
                Text(r, "biz_id"),
                AliyunCodes.OfReceipt(r.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True, Text(r, "err_code")),
                Text(r, "err_code"),
                Text(r, "err_msg"),
                ChinaTime(Text(r, "report_time"))))];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new FormatException("Not an Alibaba Cloud SMS receipt push.", ex);
        }
    }

    private async Task<DeliveryReport?> FindAsync(string outId, string phone, DateOnly date, CancellationToken ct)
    {
        for (var page = 1; ; page++)
        {
            using var reply = await CallAsync("QuerySendDetails", new Dictionary<string, string>
            {
                ["PhoneNumber"] = phone,
                ["SendDate"] = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
                ["PageSize"] = QueryPageSize.ToString(CultureInfo.InvariantCulture),
                ["CurrentPage"] = page.ToString(CultureInfo.InvariantCulture),
            }, ct);
            var code = Text(reply.RootElement, "Code");
            if (code != AliyunCodes.Ok)
                throw new SmsProviderException(name, code, Text(reply.RootElement, "Message"));
            var details = reply.RootElement.TryGetProperty("SmsSendDetailDTOs", out var dtos) && dtos.TryGetProperty("SmsSendDetailDTO", out var list)
                ? [.. list.EnumerateArray()]
                : new List<JsonElement>();
            if (details.FirstOrDefault(d => Text(d, "OutId") == outId) is { ValueKind: JsonValueKind.Object } detail)
                return Report(detail);
            if (details.Count < QueryPageSize)
                return null;
        }
    }

    /// <summary>A QuerySendDetails row: SendStatus 1 waiting for the receipt, 2 failed, 3 delivered.</summary>
    private static DeliveryReport Report(JsonElement detail)
    {
        var status = detail.TryGetProperty("SendStatus", out var s) && s.TryGetInt32(out var n) ? n : 1;
        var errCode = Text(detail, "ErrCode");
        var outcome = status switch
        {
            3 => DeliveryOutcome.Delivered,
            2 => AliyunCodes.OfReceipt(false, errCode),
            _ => DeliveryOutcome.Submitted,
        };
        return Receipt(SmsMessageIds.Parse(Text(detail, "OutId")), null, outcome, errCode, null, ChinaTime(Text(detail, "ReceiveDate")));
    }

    /// <summary>A report, with what the clerk is told when it failed for good.</summary>
    private static DeliveryReport Receipt(Guid? messageId, string? providerId, DeliveryOutcome outcome, string? code, string? detail, DateTimeOffset? at) =>
        new(messageId, providerId, outcome, code, detail, at, outcome == DeliveryOutcome.FailedPermanently ? AliyunCodes.ReasonOf(code) : null);

    private async Task<JsonDocument> CallAsync(string action, Dictionary<string, string> parameters, CancellationToken ct)
    {
        parameters["AccessKeyId"] = account.KeyId!;
        parameters["Action"] = action;
        parameters["Format"] = "JSON";
        parameters["RegionId"] = account.Region ?? "cn-hangzhou";
        parameters["SignatureMethod"] = "HMAC-SHA1";
        parameters["SignatureNonce"] = Guid.NewGuid().ToString();
        parameters["SignatureVersion"] = "1.0";
        parameters["Timestamp"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        parameters["Version"] = ApiVersion;
        parameters["Signature"] = AliyunRpcSignature.Sign("POST", parameters, account.KeySecret!);
        using var request = new HttpRequestMessage(HttpMethod.Post, account.Endpoint ?? PublicEndpoint) { Content = new FormUrlEncodedContent(parameters) };
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        try
        {
            // Business errors come with 200; signature, key and throttling errors with 4xx/5xx — all with the same {Code, Message} body.
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new SmsProviderException(name, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), "Not a JSON answer.");
        }
    }
}
