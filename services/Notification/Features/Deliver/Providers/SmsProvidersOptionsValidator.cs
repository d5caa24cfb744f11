using Microsoft.Extensions.Options;
using Visitation.Rules.Sms;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// Refuses to start on a provider configuration that would fail at the first SMS: a province served by
/// no account, an account without its keys, sign name or app id, a template code for an unknown kind,
/// a callback token short enough to guess, and — in Production — an account that would send one of the
/// registry's example template codes.
/// </summary>
public sealed class SmsProvidersOptionsValidator(IHostEnvironment environment) : IValidateOptions<SmsProvidersOptions>
{
    /// <summary>Shortest callback token accepted: 128 bits written in hex.</summary>
    public const int MinimumCallbackTokenLength = 32;

    public ValidateOptionsResult Validate(string? name, SmsProvidersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (province, account) in options.Provinces)
        {
            if (!IsAccount(options, account))
                errors.Add($"SmsProviders:Provinces:{province} names '{account}', which is not an account.");
        }

        if (!IsAccount(options, options.Default))
            errors.Add($"SmsProviders:Default names '{options.Default}', which is not an account.");

        foreach (var (accountName, account) in options.Accounts)
        {
            errors.AddRange(Problems(accountName, account));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private IEnumerable<string> Problems(string name, SmsProviderAccount account)
    {
        var prefix = $"SmsProviders:Accounts:{name}";
        if (account.Provider != SmsProviderKind.DevGateway)
        {
            if (string.IsNullOrWhiteSpace(account.KeyId) || string.IsNullOrWhiteSpace(account.KeySecret))
                yield return $"{prefix} needs KeyId and KeySecret.";
            if (string.IsNullOrWhiteSpace(account.SignName))
                yield return $"{prefix} needs the approved SignName.";
        }

        if (account.Provider == SmsProviderKind.Tencent && string.IsNullOrWhiteSpace(account.SdkAppId))
            yield return $"{prefix} needs Tencent's SdkAppId.";
        if (account.PollReceipts && account.Provider == SmsProviderKind.Aliyun)
            yield return $"{prefix}: Alibaba Cloud pushes receipts and offers no pull over HTTP; configure its callback instead of PollReceipts.";
        if (account.CallbackToken is { } token && token.Length < MinimumCallbackTokenLength)
            yield return $"{prefix}:CallbackToken is shorter than {MinimumCallbackTokenLength} characters.";
        foreach (var kind in account.TemplateCodes.Keys.Where(k => !Enum.TryParse<SmsKind>(k, out _)))
        {
            yield return $"{prefix}:TemplateCodes:{kind} is not an SMS kind.";
        }

        if (account.Provider != SmsProviderKind.DevGateway && SmsTemplateRegistry.CodesAreExamples && environment.IsProduction())
        {
            var missing = Enum.GetValues<SmsKind>().Where(k => !account.TemplateCodes.ContainsKey(k.ToString())).ToList();
            if (missing.Count > 0)
                yield return $"{prefix} would send the registry's example template codes for {string.Join(", ", missing)}: set TemplateCodes to the codes the provider approved.";
        }
    }

    private static bool IsAccount(SmsProvidersOptions options, string name) =>
        options.Accounts.ContainsKey(name) || name == SmsProvidersOptions.DevGatewayAccount;
}
