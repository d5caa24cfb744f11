using System.Collections.Frozen;
using Visitation.Contracts.Events;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// Alibaba Cloud SMS's codes (its "API错误码" and "短信回执错误码" lists) sorted by what the dispatcher
/// does with them. A code not listed is taken as temporary: retried with back-off, never dropped.
/// </summary>
public static class AliyunCodes
{
    public const string Ok = "OK";

    /// <summary>The receipt code of a delivered SMS.</summary>
    public const string Delivered = "DELIVERED";

    /// <summary>The provider's limit per number (by minute, hour or day) or per account: defer.</summary>
    public static readonly FrozenSet<string> Throttling = FrozenSet.Create(StringComparer.Ordinal,
        "isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "isv.MOBILE_SEND_LIMIT", "Throttling", "Throttling.User", "Throttling.Api");

    /// <summary>Errors that will not pass by sending again: the number, the template or the sign name is refused.</summary>
    public static readonly FrozenSet<string> Permanent = FrozenSet.Create(StringComparer.Ordinal,
        "isv.MOBILE_NUMBER_ILLEGAL", "isv.BLACK_KEY_CONTROL_LIMIT", "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL",
        "isv.TEMPLATE_MISSING_PARAMETERS", "isv.TEMPLATE_PARAMS_ILLEGAL", "isv.PARAM_LENGTH_LIMIT", "isv.PARAM_NOT_SUPPORT_URL",
        "isv.INVALID_JSON_PARAM", "isv.INVALID_PARAMETERS", "isv.SMS_CONTENT_ILLEGAL", "isv.SMS_SIGN_ILLEGAL");

    /// <summary>Receipt codes of a number that cannot be reached this way: empty, stopped, blocked or refusing.</summary>
    public static readonly FrozenSet<string> PermanentReceipts = FrozenSet.Create(StringComparer.Ordinal,
        "MOBILE_NUMBER_ILLEGAL", "MOBILE_NOT_ON_SERVICE", "MOBILE_ACCOUNT_ABNORMAL", "MOBILE_IN_BLACK", "INVALID_NUMBER",
        "USER_REJECT", "NO_ROUTE", "CONTENT_KEYWORD", "isv.MOBILE_NUMBER_ILLEGAL");

    /// <summary>What the clerk is told of a permanent failure with <paramref name="code"/> (a send's or a receipt's).</summary>
    public static SmsFailureReason ReasonOf(string? code) => code switch
    {
        "isv.MOBILE_NUMBER_ILLEGAL" or "MOBILE_NUMBER_ILLEGAL" or "MOBILE_NOT_ON_SERVICE" or "MOBILE_ACCOUNT_ABNORMAL" or "INVALID_NUMBER" or "NO_ROUTE" => SmsFailureReason.WrongNumber,
        "isv.BLACK_KEY_CONTROL_LIMIT" or "MOBILE_IN_BLACK" or "USER_REJECT" or "CONTENT_KEYWORD" => SmsFailureReason.Blocked,
        _ => SmsFailureReason.ProviderRefused,
    };

    public static SendOutcome OfSend(string? code) => code switch
    {
        Ok => SendOutcome.Accepted,
        not null when Throttling.Contains(code) => SendOutcome.Throttled,
        not null when Permanent.Contains(code) => SendOutcome.PermanentFailure,
        _ => SendOutcome.TemporaryFailure,
    };

    public static DeliveryOutcome OfReceipt(bool delivered, string? code) =>
        delivered || code == Delivered ? DeliveryOutcome.Delivered
        : code is not null && PermanentReceipts.Contains(code) ? DeliveryOutcome.FailedPermanently
        : DeliveryOutcome.FailedTemporarily;
}
