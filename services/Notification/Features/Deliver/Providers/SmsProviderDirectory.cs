namespace Visitation.Notification.Features.Deliver.Providers;

/// <summary>
/// Which provider account sends an office's SMS, and the account an attempt was made with (a receipt
/// or a reconciliation asks the same account, whatever the configuration says today).
/// </summary>
public sealed class SmsProviderDirectory(IEnumerable<ISmsProvider> providers)
{
    private readonly Dictionary<string, ISmsProvider> _byName = providers.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<ISmsProvider> All => _byName.Values;

    /// <summary>The account that serves the office's province; the development gateway while none is configured.</summary>
#pragma warning disable IDE0060 // the per-province choice comes with the provider configuration
    public ISmsProvider ForOffice(string officeId) => _byName[DevGatewaySmsProvider.ProviderName];
#pragma warning restore IDE0060

    public ISmsProvider? Named(string name) => _byName.GetValueOrDefault(name);
}
