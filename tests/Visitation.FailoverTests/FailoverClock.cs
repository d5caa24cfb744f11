using Visitation.Benchmarks.Infrastructure;

namespace Visitation.FailoverTests;

/// <summary>
/// The time a failover test owns. The services, their SMS gateway and the staff live on a fixed day, as
/// the benchmark's smoke run does: a Monday in the calendars' year with visit months ahead, so that no
/// result depends on the machine's date (a holiday, a month's end). A run's databases and virtual host
/// are named by a random part, never by the date.
/// </summary>
public static class FailoverClock
{
    private static readonly DateTimeOffset ChainStart = new(2026, 2, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A clock on the chain's day from now on (the services get the same through their training-clock settings).</summary>
    public static BenchClock Start() => new(ChainStart);

    /// <summary>A name no other run has: the prefix and 12 random hex digits (short enough for PostgreSQL's 63-byte names).</summary>
    public static string RunName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];
}
