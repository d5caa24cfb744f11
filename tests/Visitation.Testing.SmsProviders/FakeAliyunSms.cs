using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Rules.Sms;

namespace Visitation.Testing.SmsProviders;

/// <summary>
/// Alibaba Cloud SMS's RPC API (dysmsapi 2017-05-25) on a loopback port: <c>SendSms</c> and
/// <c>QuerySendDetails</c> as a form POST, the HMAC-SHA1 signature verified against the account's
/// AccessKeySecret (<c>SignatureDoesNotMatch</c>, HTTP 400, otherwise), an unknown key refused
/// (<c>InvalidAccessKeyId.NotFound</c>, 404), a reused nonce refused (<c>SignatureNonceUsed</c>), the
/// template code and JSON checked, and each number's scripted code (e.g. <c>isv.MOBILE_NUMBER_ILLEGAL</c>,
/// <c>isv.BUSINESS_LIMIT_CONTROL</c>) answered instead of OK.
/// </summary>
public sealed class FakeAliyunSms(string accessKeyId, string accessKeySecret, string signName, TimeProvider clock) : FakeSmsServer(clock)
{
    private readonly ConcurrentDictionary<string, bool> _nonces = new(StringComparer.Ordinal);

    /// <summary>The templates this account had approved: the registry's Alibaba codes.</summary>
    private static readonly HashSet<string> ApprovedTemplates = [.. SmsTemplateRegistry.All.Select(t => t.ProviderCodes[SmsTemplateRegistry.Aliyun])];

    protected override void Map(WebApplication app) => app.MapPost("/", async (HttpRequest request) =>
    {
        var form = await request.ReadFormAsync();
        var parameters = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        if (Refusal(parameters) is { } refusal)
            return refusal;
        return parameters.GetValueOrDefault("Action") switch
        {
            "SendSms" => Send(parameters),
            "QuerySendDetails" => Query(parameters),
            _ => Error(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method."),
        };
    });

    protected override JsonNode CallbackEntry(FakeSms sms) => new JsonObject
    {
        ["phone_number"] = sms.Phone,
        ["send_time"] = ChinaTime(sms.AcceptedAt),
        ["report_time"] = ChinaTime(sms.ReportedAt!.Value),
        ["success"] = sms.Delivered,
        ["err_code"] = sms.Delivered == true ? AliyunCodes.Delivered : sms.ReceiptCode,
        ["err_msg"] = sms.Delivered == true ? "用户接收成功" : sms.ReceiptDescription ?? sms.ReceiptCode,
        ["sms_size"] = "1",
        ["biz_id"] = sms.ProviderId,
        ["out_id"] = sms.OurId,
    };

    /// <summary>The checks Alibaba makes before it reads the action: the key, the signature, the nonce.</summary>
    private IResult? Refusal(Dictionary<string, string> parameters)
    {
        (int Status, string Code, string Message)? refusal =
            parameters.GetValueOrDefault("AccessKeyId") != accessKeyId ? (404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
            : parameters.GetValueOrDefault("SignatureMethod") != "HMAC-SHA1" || parameters.GetValueOrDefault("SignatureVersion") != "1.0"
                ? (400, "InvalidSignatureMethod", "Specified signature method is not supported.")
            : !AliyunRpcSignature.Verify("POST", parameters, accessKeySecret, parameters.GetValueOrDefault("Signature") ?? string.Empty)
                ? (400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation.")
            : !_nonces.TryAdd(parameters.GetValueOrDefault("SignatureNonce") ?? string.Empty, true)
                ? (400, "SignatureNonceUsed", "Specified signature nonce was used already.")
            : null;
        if (refusal is not { } r)
            return null;
        Refused(r.Code);
        return Error(r.Status, r.Code, r.Message);
    }

    private IResult Send(Dictionary<string, string> p)
    {
        var phone = p.GetValueOrDefault("PhoneNumbers") ?? string.Empty;
        if (p.GetValueOrDefault("SignName") != signName)
            return Error(200, "isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名");
        if (!ApprovedTemplates.Contains(p.GetValueOrDefault("TemplateCode") ?? string.Empty))
            return Error(200, "isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板");
        List<KeyValuePair<string, string>> variables;
        try
        {
            variables = [.. JsonNode.Parse(p.GetValueOrDefault("TemplateParam") ?? "{}")!.AsObject().Select(v => new KeyValuePair<string, string>(v.Key, v.Value!.GetValue<string>()))];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException)
        {
            return Error(200, "isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
        }

        if (ScriptedCode(phone) is { } code)
            return Error(200, code, code == "isv.BUSINESS_LIMIT_CONTROL" ? "触发号码天级流控Permits:10" : "非法手机号");
        var sms = Accept(p.GetValueOrDefault("OutId"), phone, signName, p["TemplateCode"], variables, n => string.Create(CultureInfo.InvariantCulture, $"{900619746936498440 + n}^0"));
        return Json(new JsonObject { ["Message"] = "OK", ["RequestId"] = RequestId(), ["Code"] = AliyunCodes.Ok, ["BizId"] = sms.ProviderId });
    }

    /// <summary>QuerySendDetails: the number's SMS of one China-time day, paged; SendStatus 1 waiting, 2 failed, 3 delivered.</summary>
    private IResult Query(Dictionary<string, string> p)
    {
        var phone = p.GetValueOrDefault("PhoneNumber");
        var date = p.GetValueOrDefault("SendDate");
        var pageSize = int.Parse(p.GetValueOrDefault("PageSize") ?? "10", CultureInfo.InvariantCulture);
        var page = int.Parse(p.GetValueOrDefault("CurrentPage") ?? "1", CultureInfo.InvariantCulture);
        var rows = Read(all => all.Where(s => s.Phone == phone && ChinaTime(s.AcceptedAt)[..10].Replace("-", string.Empty, StringComparison.Ordinal) == date).ToList());
        var details = new JsonArray([.. rows.Skip((page - 1) * pageSize).Take(pageSize).Select(s => (JsonNode)new JsonObject
        {
            ["PhoneNum"] = s.Phone,
            ["SendStatus"] = s.Delivered switch { true => 3, false => 2, null => 1 },
            ["ErrCode"] = s.Delivered == true ? AliyunCodes.Delivered : s.ReceiptCode ?? string.Empty,
            ["TemplateCode"] = s.TemplateCode,
            ["Content"] = string.Join("", s.Parameters.Select(v => v.Value)),
            ["SendDate"] = ChinaTime(s.AcceptedAt),
            ["ReceiveDate"] = s.ReportedAt is { } at ? ChinaTime(at) : string.Empty,
            ["OutId"] = s.OurId,
        })]);
        return Json(new JsonObject
        {
            ["Code"] = AliyunCodes.Ok,
            ["Message"] = "OK",
            ["RequestId"] = RequestId(),
            ["TotalCount"] = rows.Count,
            ["SmsSendDetailDTOs"] = new JsonObject { ["SmsSendDetailDTO"] = details },
        });
    }

    private static IResult Error(int status, string code, string message) =>
        Json(new JsonObject { ["RequestId"] = RequestId(), ["Code"] = code, ["Message"] = message }, status);
}
