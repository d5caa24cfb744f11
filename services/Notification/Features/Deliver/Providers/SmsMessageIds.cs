using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>What the adapters share: our id as it travels (OutId / SessionContext), and each template's code for an account.</summary>
internal static class SmsMessageIds
{
    /// <summary>Our message id as sent: 32 hex digits, within Alibaba's OutId and Tencent's SessionContext limits.</summary>
    public static string Format(Guid messageId) => messageId.ToString("N");

    public static Guid? Parse(string? echoed) => Guid.TryParse(echoed, out var id) ? id : null;

    /// <summary>The account's code for the template of <paramref name="kind"/>: its own if configured, else the registry's.</summary>
    public static string TemplateCode(SmsProviderAccount account, SmsKind kind, string provider) =>
        account.TemplateCodes.TryGetValue(kind.ToString(), out var code) ? code : SmsTemplateRegistry.For(kind).ProviderCodes[provider];

    /// <summary>China Standard Time, in which both providers date their records (UTC+8, no daylight saving).</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
}
