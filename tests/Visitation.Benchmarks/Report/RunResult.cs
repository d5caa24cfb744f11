namespace Visitation.Benchmarks;

/// <summary>The figures of one run (one number of instances per service), as written to results.json.</summary>
public sealed record RunResult
{
    public required int InstancesPerService { get; init; }
    public required string Load { get; init; }
    public required int Applications { get; init; }
    public required int Completed { get; init; }
    public required IReadOnlyList<string> Failures { get; init; }
    public required int DuplicateSms { get; init; }

    /// <summary>The chain's day when the families applied (China time), and the first and last visit days booked (yyyy-MM-dd).</summary>
    public required string ChainDay { get; init; }
    public required string FirstVisitDay { get; init; }
    public required string LastVisitDay { get; init; }
    public required double Seconds { get; init; }
    public required double ApplicationsPerSecond { get; init; }
    public required IReadOnlyList<LegFigures> Legs { get; init; }

    /// <summary>Milliseconds of CPU per completed application, by process (all instances of a service together), plus "all" (services, PostgreSQL, RabbitMQ).</summary>
    public required IReadOnlyDictionary<string, double> CpuMsPerApplication { get; init; }

    /// <summary>The benchmark's own CPU per application (client, pollers, gateway): not in "all".</summary>
    public required double ClientCpuMsPerApplication { get; init; }
    public required double CommitsPerApplication { get; init; }
    public required double MessagesPublishedPerApplication { get; init; }
    public required double MessagesDeliveredPerApplication { get; init; }
    public required Ceiling Ceiling { get; init; }

    /// <summary>Whether the server counted statements (pg_stat_statements loaded), and the most frequent of the load's.</summary>
    public bool StatementsMeasured { get; init; }
    public IReadOnlyList<StatementFigures> TopStatements { get; init; } = [];
    public IReadOnlyList<StatementTotals> StatementTotals { get; init; } = [];

    /// <summary>The applications a second the commit ceiling would allow at this many commits each, and our throughput as a share of it.</summary>
    public double CommitBoundApplicationsPerSecond => CommitsPerApplication == 0 ? 0 : Ceiling.PostgresCommitsPerSecond / CommitsPerApplication;
    public double ShareOfCommitBound => CommitBoundApplicationsPerSecond == 0 ? 0 : ApplicationsPerSecond / CommitBoundApplicationsPerSecond;

    /// <summary>The same for the broker: confirmed publishes a second over messages published per application.</summary>
    public double PublishBoundApplicationsPerSecond => MessagesPublishedPerApplication == 0 ? 0 : Ceiling.RabbitConfirmedPublishesPerSecond / MessagesPublishedPerApplication;
    public double ShareOfPublishBound => PublishBoundApplicationsPerSecond == 0 ? 0 : ApplicationsPerSecond / PublishBoundApplicationsPerSecond;
}

/// <summary>The machine a report was taken on.</summary>
public sealed record Machine(int Processors, string CpuModel, string LoadAverageBefore, DateTimeOffset TakenAt)
{
    public static Machine Now(TimeProvider clock)
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        return new Machine(Environment.ProcessorCount, model, load, clock.GetUtcNow());
    }
}

/// <summary>Everything a benchmark invocation measured.</summary>
public sealed record BenchReport(Machine Machine, bool Smoke, string Commit, IReadOnlyList<RunResult> Runs)
{
    public bool EveryApplicationReachedItsSms => Runs.All(r => r.Completed == r.Applications && r.Failures.Count == 0);
}
