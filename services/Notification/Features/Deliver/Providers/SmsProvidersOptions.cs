namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// Which SMS provider account serves which province (docs/sms-providers.md); validated at start-up by
/// <see cref="SmsProvidersOptionsValidator"/>. With no section at all every province is served by the
/// development gateway at <c>SmsGateway:BaseUrl</c>. Secrets come from configuration (environment,
/// secret store) and are never logged.
/// </summary>
public sealed class SmsProvidersOptions
{
    public const string Section = "SmsProviders";

    /// <summary>The account of the development gateway that serves every province when nothing else is configured.</summary>
    public const string DevGatewayAccount = DevGatewaySmsProvider.ProviderName;

    /// <summary>The accounts by name (the name is stored with each attempt, e.g. <c>aliyun-shanxi</c>).</summary>
    public Dictionary<string, SmsProviderAccount> Accounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Province id (reference data, e.g. <c>shanxi</c>) → account name.</summary>
    public Dictionary<string, string> Provinces { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The account for a province not listed in <see cref="Provinces"/>.</summary>
    public string Default { get; set; } = DevGatewayAccount;
}

public enum SmsProviderKind
{
    /// <summary>services/DevSmsGateway: free text over HTTP, for development and tests.</summary>
    DevGateway,

    /// <summary>Alibaba Cloud SMS (dysmsapi, RPC API 2017-05-25).</summary>
    Aliyun,

    /// <summary>Tencent Cloud SMS (API 3.0, version 2021-01-11).</summary>
    Tencent,
}

/// <summary>One provider account. Which fields are required depends on <see cref="Provider"/>.</summary>
public sealed class SmsProviderAccount
{
    public SmsProviderKind Provider { get; set; }

    /// <summary>The API's address; defaults to the provider's public endpoint (or <c>SmsGateway:BaseUrl</c> for the gateway).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Alibaba <c>AccessKeyId</c> / Tencent <c>SecretId</c>.</summary>
    public string? KeyId { get; set; }

    /// <summary>Alibaba <c>AccessKeySecret</c> / Tencent <c>SecretKey</c>. A secret: configuration only, never logged.</summary>
    public string? KeySecret { get; set; }

    /// <summary>The approved sign name (签名) the provider puts in 【】 before the text, e.g. <c>远程视频会见</c>.</summary>
    public string? SignName { get; set; }

    /// <summary>Tencent's <c>SmsSdkAppId</c>.</summary>
    public string? SdkAppId { get; set; }

    /// <summary>Alibaba <c>RegionId</c> (default cn-hangzhou) / Tencent <c>X-TC-Region</c> (default ap-guangzhou).</summary>
    public string? Region { get; set; }

    /// <summary>
    /// The shared secret the account's receipt callback URL carries (<c>?token=</c>): the providers sign
    /// neither their HTTP push nor their callback, so the URL registered with them is the credential. A secret.
    /// </summary>
    public string? CallbackToken { get; set; }

    /// <summary>Fetch receipts by polling (<see cref="ISmsProvider.PullReceiptsAsync"/>) rather than wait for the callback. Tencent only: Alibaba pushes.</summary>
    public bool PollReceipts { get; set; }

    /// <summary>This account's template codes by <c>SmsKind</c> name, where they differ from the registry's (each account registers its own templates).</summary>
    public Dictionary<string, string> TemplateCodes { get; set; } = new(StringComparer.Ordinal);
}
