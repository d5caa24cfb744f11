using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Visitation.Notification.Features.Deliver.Providers;
using Visitation.Rules.Sms;

namespace Visitation.Testing.SmsProviders;

/// <summary>
/// Tencent Cloud SMS's API 3.0 (version 2021-01-11) on a loopback port: <c>SendSms</c>,
/// <c>PullSmsSendStatus</c> (each receipt handed out once) and <c>PullSmsSendStatusByPhoneNumber</c>,
/// the TC3-HMAC-SHA256 <c>Authorization</c> verified against the SecretKey
/// (<c>AuthFailure.SignatureFailure</c> otherwise, <c>AuthFailure.SecretIdNotFound</c> for an unknown id,
/// <c>AuthFailure.SignatureExpire</c> beyond five minutes), the app id and template checked, and each
/// number's scripted code (e.g. <c>LimitExceeded.PhoneNumberThirtySecondLimit</c>,
/// <c>InvalidParameterValue.IncorrectPhoneNumber</c>) answered in its <c>SendStatusSet</c> entry.
/// </summary>
public sealed partial class FakeTencentSms(string secretId, string secretKey, string sdkAppId, string signName, TimeProvider clock) : FakeSmsServer(clock)
{
    private static readonly HashSet<string> ApprovedTemplates = [.. SmsTemplateRegistry.All.Select(t => t.ProviderCodes[SmsTemplateRegistry.Tencent])];

    protected override void Map(WebApplication app) => app.MapPost("/", async (HttpRequest request) =>
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var payload = await reader.ReadToEndAsync();
        if (Refusal(request, payload) is { } refusal)
            return refusal;
        var body = JsonNode.Parse(payload)!.AsObject();
        if (body["SmsSdkAppId"]?.GetValue<string>() != sdkAppId)
            return Error("UnauthorizedOperation.SmsSdkAppIdVerifyFail", "SmsSdkAppId 校验失败。");
        return request.Headers["X-TC-Action"].ToString() switch
        {
            "SendSms" => Send(body),
            "PullSmsSendStatus" => Statuses(Read(all => all.Where(s => s.Delivered is not null && !s.Pulled).Take(Limit(body)).ToList()), markPulled: true),
            "PullSmsSendStatusByPhoneNumber" => Statuses(ByPhone(body), markPulled: false),
            _ => Error("InvalidAction", "The action requested does not exist."),
        };
    });

    protected override JsonNode CallbackEntry(FakeSms sms) => new JsonObject
    {
        ["user_receive_time"] = ChinaTime(sms.ReportedAt!.Value),
        ["nationcode"] = "86",
        ["mobile"] = sms.Phone.Replace("+86", string.Empty, StringComparison.Ordinal),
        ["report_status"] = sms.Delivered == true ? TencentCodes.ReportSuccess : "FAIL",
        ["errmsg"] = sms.Delivered == true ? "DELIVRD" : sms.ReceiptCode,
        ["description"] = sms.Delivered == true ? "用户短信送达成功" : sms.ReceiptDescription,
        ["sid"] = sms.ProviderId,
        ["ext"] = sms.OurId,
    };

    /// <summary>The checks Tencent makes on the request's Authorization before it reads the action.</summary>
    private IResult? Refusal(HttpRequest request, string payload)
    {
        var authorization = Authorization().Match(request.Headers.Authorization.ToString());
        var timestamp = long.TryParse(request.Headers["X-TC-Timestamp"], CultureInfo.InvariantCulture, out var t) ? t : 0;
        var canonical = Tc3Signature.CanonicalRequest(request.ContentType ?? string.Empty, request.Host.Value ?? string.Empty, payload);
        (string Code, string Message)? refusal =
            !authorization.Success ? ("AuthFailure.InvalidAuthorization", "Authorization 不符合腾讯云 API 3.0 的签名格式。")
            : authorization.Groups["id"].Value != secretId ? ("AuthFailure.SecretIdNotFound", "The SecretId is not found.")
            : Math.Abs(Clock.GetUtcNow().ToUnixTimeSeconds() - timestamp) > 300 ? ("AuthFailure.SignatureExpire", "The signature expired.")
            : authorization.Groups["scope"].Value != Tc3Signature.Scope(timestamp, TencentSmsProvider.Service)
              || authorization.Groups["headers"].Value != Tc3Signature.SignedHeaders
              || authorization.Groups["signature"].Value != Tc3Signature.Signature(secretKey, timestamp, TencentSmsProvider.Service, canonical)
                ? ("AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.")
            : null;
        if (refusal is not { } r)
            return null;
        Refused(r.Code);
        return Error(r.Code, r.Message);
    }

    private IResult Send(JsonObject body)
    {
        if (body["SignName"]?.GetValue<string>() != signName)
            return Error("FailedOperation.SignatureIncorrectOrUnapproved", "签名未审批或格式错误。");
        var templateId = body["TemplateId"]?.GetValue<string>() ?? string.Empty;
        if (!ApprovedTemplates.Contains(templateId))
            return Error("FailedOperation.TemplateIncorrectOrUnapproved", "模板未审批或内容不匹配。");
        var parameters = (body["TemplateParamSet"]?.AsArray() ?? []).Select((v, i) => new KeyValuePair<string, string>(i.ToString(CultureInfo.InvariantCulture), v!.GetValue<string>())).ToList();
        var context = body["SessionContext"]?.GetValue<string>();
        var statuses = new JsonArray();
        foreach (var phone in (body["PhoneNumberSet"]?.AsArray() ?? []).Select(p => p!.GetValue<string>()))
        {
            var code = ScriptedCode(phone);
            var serial = code is null ? Accept(context, phone, signName, templateId, parameters, n => string.Create(CultureInfo.InvariantCulture, $"2433:{346412345 + n}")).ProviderId : string.Empty;
            statuses.Add(new JsonObject
            {
                ["SerialNo"] = serial,
                ["PhoneNumber"] = phone,
                ["Fee"] = code is null ? 1 : 0,
                ["SessionContext"] = context,
                ["Code"] = code ?? TencentCodes.Ok,
                ["Message"] = code is null ? "send success" : code,
                ["IsoCode"] = "CN",
            });
        }

        return Json(new JsonObject { ["Response"] = new JsonObject { ["SendStatusSet"] = statuses, ["RequestId"] = RequestId() } });
    }

    private List<FakeSms> ByPhone(JsonObject body)
    {
        var phone = body["PhoneNumber"]?.GetValue<string>();
        var begin = DateTimeOffset.FromUnixTimeSeconds(body["BeginTime"]?.GetValue<long>() ?? 0);
        var end = DateTimeOffset.FromUnixTimeSeconds(body["EndTime"]?.GetValue<long>() ?? long.MaxValue / 1000);
        var offset = body["Offset"]?.GetValue<int>() ?? 0;
        // Tencent lists a message by number only once its receipt is in.
        return Read(all => all.Where(s => s.Phone == phone && s.Delivered is not null && s.AcceptedAt >= begin && s.AcceptedAt <= end).Skip(offset).Take(Limit(body)).ToList());
    }

    private IResult Statuses(List<FakeSms> receipts, bool markPulled)
    {
        var set = new JsonArray();
        foreach (var s in receipts)
        {
            if (markPulled)
                s.Pulled = true;
            set.Add(new JsonObject
            {
                ["UserReceiveTime"] = ChinaTime(s.ReportedAt!.Value),
                ["CountryCode"] = "86",
                ["SubscriberNumber"] = s.Phone.Replace("+86", string.Empty, StringComparison.Ordinal),
                ["PhoneNumber"] = s.Phone,
                ["SerialNo"] = s.ProviderId,
                ["ReportStatus"] = s.Delivered == true ? TencentCodes.ReportSuccess : "FAIL",
                ["Description"] = s.Delivered == true ? "用户短信送达成功" : s.ReceiptDescription,
                ["SessionContext"] = s.OurId,
            });
        }

        return Json(new JsonObject { ["Response"] = new JsonObject { ["PullSmsSendStatusSet"] = set, ["RequestId"] = RequestId() } });
    }

    private static int Limit(JsonObject body) => body["Limit"]?.GetValue<int>() ?? 100;

    private static IResult Error(string code, string message) =>
        Json(new JsonObject { ["Response"] = new JsonObject { ["Error"] = new JsonObject { ["Code"] = code, ["Message"] = message }, ["RequestId"] = RequestId() } });

    [GeneratedRegex("^TC3-HMAC-SHA256 Credential=(?<id>[^/]+)/(?<scope>[^,]+), SignedHeaders=(?<headers>[^,]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex Authorization();
}
