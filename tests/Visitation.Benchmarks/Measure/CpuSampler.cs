namespace Visitation.Benchmarks;

/// <summary>A process whose CPU time the run reports: a service instance, PostgreSQL (the postmaster and all under it) or RabbitMQ.</summary>
public sealed record MeasuredProcess(string Name, int ProcessId, bool WithChildren);

/// <summary>
/// CPU seconds each measured process used between two readings. For PostgreSQL the postmaster's own
/// time, that of its ended children (reaped) and that of its living children are added, so backends
/// that come and go during the run are all counted.
/// </summary>
public sealed class CpuSampler(IReadOnlyList<MeasuredProcess> processes)
{
    public IReadOnlyDictionary<string, double> Read() =>
        processes.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Sum(Seconds));

    /// <summary>The CPU seconds per process name used since <paramref name="before"/>.</summary>
    public IReadOnlyDictionary<string, double> Since(IReadOnlyDictionary<string, double> before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return Read().ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));
    }

    private static double Seconds(MeasuredProcess process)
    {
        if (ProcStat.Read(process.ProcessId) is not { } stat)
        {
            return 0;
        }

        var ticks = stat.OwnTicks;
        if (process.WithChildren)
        {
            ticks += stat.ReapedChildrenTicks + ProcStat.ChildrenOf(process.ProcessId).Sum(child => ProcStat.Read(child)?.OwnTicks ?? 0);
        }

        return ticks / ProcStat.TicksPerSecond;
    }
}
