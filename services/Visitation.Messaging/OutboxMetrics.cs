using System.Diagnostics.Metrics;

namespace Visitation.Messaging;

/// <summary>Published count and commit-to-publish lag of the outbox, exported through OpenTelemetry.</summary>
public static class OutboxMetrics
{
    public const string MeterName = "Visitation.Outbox";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("visitation.outbox.published", "{message}", "Events published from the outbox");
    private static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("visitation.outbox.lag", "ms", "Time from commit to publish");
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> Depths = new(StringComparer.Ordinal);

    static OutboxMetrics() =>
        Meter.CreateObservableGauge(
            "visitation.outbox.depth",
            () => Depths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("outbox", d.Key))),
            "{message}",
            "Events committed but not yet published, as last seen by this instance's dispatcher");

    internal static void RecordDepth(string outbox, long depth) => Depths[outbox] = depth;

    internal static void RecordPublished(int count, IEnumerable<TimeSpan> lags)
    {
        if (count > 0)
        {
            Published.Add(count);
        }

        foreach (var lag in lags)
        {
            Lag.Record(lag.TotalMilliseconds);
        }
    }
}
