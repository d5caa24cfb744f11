using Microsoft.Extensions.Options;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// Which provider account sends an office's SMS, and the account an attempt was made with (a receipt
/// or a reconciliation asks the same account, whatever the configuration says today): the accounts of
/// <see cref="SmsProvidersOptions"/> by province, and the callback of an account when the caller
/// presents its token (docs/sms-providers.md).
/// </summary>
public sealed class SmsProviderDirectory(
    IOptions<SmsProvidersOptions> options,
    IOptions<SmsGatewayOptions> gateway,
    IHttpClientFactory httpClients,
    ReferenceDataSet reference,
    TimeProvider clock)
{
    /// <summary>The named HttpClient the adapters use (its handler, timeouts and telemetry are configured once).</summary>
    public const string HttpClientName = "sms-providers";

    /// <summary>Every account, the development gateway included.</summary>
    public IReadOnlyCollection<ISmsProvider> All =>
        [.. options.Value.Accounts.Keys.Append(SmsProvidersOptions.DevGatewayAccount).Distinct(StringComparer.Ordinal).Select(Create)];

    /// <summary>The account serving the province of <paramref name="officeId"/>'s county; the default account for an office the reference data does not place.</summary>
    public ISmsProvider ForOffice(string officeId)
    {
        var province = reference.Office(officeId) is { } office ? reference.County(office.CountyId)?.ProvinceId : null;
        return ForProvince(province);
    }

    public ISmsProvider ForProvince(string? provinceId) =>
        Create(provinceId is not null && options.Value.Provinces.TryGetValue(provinceId, out var account) ? account : options.Value.Default);

    /// <summary>The account <paramref name="name"/> (as stored with an attempt); null when no such account is configured any more.</summary>
    public ISmsProvider? Named(string name) =>
        options.Value.Accounts.ContainsKey(name) || name == SmsProvidersOptions.DevGatewayAccount ? Create(name) : null;

    /// <summary>
    /// The receipt callback of account <paramref name="name"/> if <paramref name="token"/> is its
    /// callback token; null otherwise (unknown account, no token configured, wrong token, or an account
    /// whose provider makes no callback) — the endpoint answers all of these alike.
    /// </summary>
    public ISmsReceiptCallback? Callback(string name, string? token) =>
        options.Value.Accounts.TryGetValue(name, out var account) && ReceiptCallbackToken.IsAuthentic(account, token)
            ? Create(name) as ISmsReceiptCallback
            : null;

    private ISmsProvider Create(string name)
    {
        var http = httpClients.CreateClient(HttpClientName);
        if (!options.Value.Accounts.TryGetValue(name, out var account))
            return new DevGatewaySmsProvider(http, gateway);
        return account.Provider switch
        {
            SmsProviderKind.Aliyun => new AliyunSmsProvider(name, account, http, clock),
            SmsProviderKind.Tencent => new TencentSmsProvider(name, account, http, clock),
            _ => new DevGatewaySmsProvider(http, account.Endpoint is { } endpoint ? Options.Create(new SmsGatewayOptions { BaseUrl = endpoint }) : gateway),
        };
    }
}
