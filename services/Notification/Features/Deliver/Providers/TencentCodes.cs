using System.Collections.Frozen;
using Visitation.Contracts.Events;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// Tencent Cloud SMS's codes (the SendSms "错误码" list and the receipts' <c>ReportStatus</c>) sorted by
/// what the dispatcher does with them. A code not listed is taken as temporary: retried with back-off.
/// </summary>
public static class TencentCodes
{
    public const string Ok = "Ok";

    public const string ReportSuccess = "SUCCESS";

    /// <summary>The provider's limits per number (30 s, hour, day, same content) and per app, and the API's own rate limit: defer.</summary>
    public static readonly FrozenSet<string> Throttling = FrozenSet.Create(StringComparer.Ordinal,
        "LimitExceeded.PhoneNumberThirtySecondLimit", "LimitExceeded.PhoneNumberOneHourLimit", "LimitExceeded.PhoneNumberDailyLimit",
        "LimitExceeded.PhoneNumberSameContentDailyLimit", "LimitExceeded.DailyLimit", "LimitExceeded.AppDailyLimit",
        "LimitExceeded.AppCountryOrRegionDailyLimit", "LimitExceeded.AppGlobalDailyLimit", "LimitExceeded.AppMainlandChinaDailyLimit",
        "LimitExceeded.DeliveryFrequencyLimit", "RequestLimitExceeded");

    /// <summary>Errors that will not pass by sending again: the number, the template or the sign name is refused.</summary>
    public static readonly FrozenSet<string> Permanent = FrozenSet.Create(StringComparer.Ordinal,
        "InvalidParameterValue.IncorrectPhoneNumber", "FailedOperation.PhoneNumberInBlacklist", "FailedOperation.PhoneNumberOnBlacklist",
        "FailedOperation.TemplateIncorrectOrUnapproved", "FailedOperation.SignatureIncorrectOrUnapproved", "FailedOperation.ContainSensitiveWord",
        "InvalidParameterValue.TemplateParameterLengthLimit", "InvalidParameterValue.TemplateParameterFormatError",
        "InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", "FailedOperation.PhoneNumberParseFail",
        "UnsupportedOperation.UnsupportedRegion", "InvalidParameterValue.ContentLengthLimit");

    /// <summary>Words of a failed receipt's description that mean the number cannot be reached: empty, stopped, cancelled, blocked, refusing.</summary>
    private static readonly string[] PermanentReceiptWords = ["空号", "停机", "销号", "黑名单", "拒收", "号码格式错误"];

    /// <summary>What the clerk is told of a send refused for good with <paramref name="code"/>.</summary>
    public static SmsFailureReason ReasonOfSend(string? code) => code switch
    {
        "InvalidParameterValue.IncorrectPhoneNumber" or "FailedOperation.PhoneNumberParseFail" or "UnsupportedOperation.UnsupportedRegion" => SmsFailureReason.WrongNumber,
        "FailedOperation.PhoneNumberInBlacklist" or "FailedOperation.PhoneNumberOnBlacklist" => SmsFailureReason.Blocked,
        _ => SmsFailureReason.ProviderRefused,
    };

    /// <summary>What the clerk is told of a receipt that failed for good: blocked or refusing numbers apart, the number is wrong.</summary>
    public static SmsFailureReason ReasonOfReceipt(string? description) =>
        description is not null && (description.Contains("黑名单", StringComparison.Ordinal) || description.Contains("拒收", StringComparison.Ordinal))
            ? SmsFailureReason.Blocked
            : SmsFailureReason.WrongNumber;

    public static SendOutcome OfSend(string? code) => code switch
    {
        Ok => SendOutcome.Accepted,
        not null when Throttling.Contains(code) => SendOutcome.Throttled,
        not null when Permanent.Contains(code) => SendOutcome.PermanentFailure,
        _ => SendOutcome.TemporaryFailure,
    };

    public static DeliveryOutcome OfReceipt(string? reportStatus, string? description) =>
        reportStatus == ReportSuccess ? DeliveryOutcome.Delivered
        : description is not null && PermanentReceiptWords.Any(w => description.Contains(w, StringComparison.Ordinal)) ? DeliveryOutcome.FailedPermanently
        : DeliveryOutcome.FailedTemporarily;
}
