using Microsoft.Extensions.Options;
using Visitation.Rules.ReferenceData;

namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// The configured provider accounts (<see cref="SmsProvidersOptions"/>): which serves an office's
/// province, the one an attempt was made through (by its stored name), those to poll for receipts,
/// and the callback of an account when the caller presents its token.
/// </summary>
public sealed class SmsProviderRegistry(
    IOptions<SmsProvidersOptions> options,
    IOptions<SmsGatewayOptions> gateway,
    IHttpClientFactory httpClients,
    ReferenceDataSet reference,
    TimeProvider clock)
{
    /// <summary>The named HttpClient the adapters use (its handler, timeouts and telemetry are configured once).</summary>
    public const string HttpClientName = "sms-providers";

    /// <summary>The account serving the province of <paramref name="officeId"/>'s county; the default account for an office the reference data does not place.</summary>
    public ISmsProvider ForOffice(string officeId)
    {
        var province = reference.Office(officeId) is { } office ? reference.County(office.CountyId)?.ProvinceId : null;
        return ForProvince(province);
    }

    public ISmsProvider ForProvince(string? provinceId) =>
        Named(provinceId is not null && options.Value.Provinces.TryGetValue(provinceId, out var account) ? account : options.Value.Default);

    /// <summary>The account <paramref name="name"/> (as stored with an attempt).</summary>
    /// <exception cref="KeyNotFoundException">No such account is configured (any more).</exception>
    public ISmsProvider Named(string name)
    {
        var http = httpClients.CreateClient(HttpClientName);
        if (!options.Value.Accounts.TryGetValue(name, out var account))
        {
            return name == SmsProvidersOptions.DevGatewayAccount
                ? new DevGatewaySmsProvider(name, gateway.Value.BaseUrl, http)
                : throw new KeyNotFoundException($"No SMS provider account '{name}' is configured.");
        }

        return account.Provider switch
        {
            SmsProviderKind.Aliyun => new AliyunSmsProvider(name, account, http, clock),
            SmsProviderKind.Tencent => new TencentSmsProvider(name, account, http, clock),
            _ => new DevGatewaySmsProvider(name, account.Endpoint ?? gateway.Value.BaseUrl, http),
        };
    }

    /// <summary>The accounts configured to poll for receipts rather than wait for the callback.</summary>
    public IEnumerable<ISmsProvider> Polling() =>
        options.Value.Accounts.Where(a => a.Value.PollReceipts).Select(a => Named(a.Key));

    /// <summary>
    /// The receipt callback of account <paramref name="name"/> if <paramref name="token"/> is its
    /// callback token; null otherwise (unknown account, no token configured, wrong token, or an account
    /// whose provider makes no callback) — the endpoint answers all of these alike.
    /// </summary>
    public ISmsReceiptCallback? Callback(string name, string? token) =>
        options.Value.Accounts.TryGetValue(name, out var account) && ReceiptCallbackToken.IsAuthentic(account, token)
            ? Named(name) as ISmsReceiptCallback
            : null;
}
