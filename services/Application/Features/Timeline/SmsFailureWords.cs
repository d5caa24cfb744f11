using Visitation.Contracts.Events;

namespace Visitation.Application.Features.Timeline;

/// <summary>Why an SMS did not reach the family, as the clerk reads it.</summary>
public static class SmsFailureWords
{
    public static string Of(SmsFailureReason reason) => reason switch
    {
        SmsFailureReason.WrongNumber => "号码有误或已停机",
        SmsFailureReason.Blocked => "号码拒收本服务短信",
        SmsFailureReason.ProviderRefused => "短信服务商拒绝发送",
        _ => "多次发送均未成功",
    };
}
