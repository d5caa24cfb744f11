using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Visitation.AuditStore.Features.Verify;

/// <summary>
/// What the chain verification reports to monitoring (docs/monitoring.md): per service and chain, 1
/// while the store's copy of the chain does not verify and 0 while it does, as this instance's last
/// round found it; and the rows verified, which keeps rising while the verification runs (its sweep
/// re-reads old rows too). Tags are the service's name and the chain's, nothing else.
/// </summary>
public sealed class AuditChainMetrics
{
    public const string MeterName = "Visitation.Audit";

    private readonly ConcurrentDictionary<(string Service, string Chain), int> _broken = new();
    private readonly Counter<long> _verified;

    public AuditChainMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(
            "visitation.audit.chain.broken",
            () => _broken.Select(entry => new Measurement<int>(
                entry.Value, new KeyValuePair<string, object?>("service", entry.Key.Service), new KeyValuePair<string, object?>("chain", entry.Key.Chain))),
            "{chain}",
            "1 while a service's audit chain, as the audit store holds it, does not verify");
        _verified = meter.CreateCounter<long>("visitation.audit.rows_verified", "{row}", "Audit rows the store's chain verification recomputed");
    }

    /// <summary>The verdict of one round on one chain, and how many of its rows it recomputed.</summary>
    public void Record(string service, string chain, bool broken, int verified)
    {
        _broken[(service, chain)] = broken ? 1 : 0;
        if (verified > 0)
        {
            _verified.Add(verified, new KeyValuePair<string, object?>("service", service));
        }
    }
}
