using System.Diagnostics;
using System.Globalization;
using Visitation.ServiceDefaults.Clock;

namespace Visitation.Benchmarks.Infrastructure;

/// <summary>
/// The one place the benchmark reads the time. <see cref="Chain"/> is the time the chain lives in: the
/// real clock, or with <c>--start-at</c> the real clock shifted so that it read that instant when the
/// program started (the services get the same shift through their training clock, so the day the
/// families apply for, the calendars and the gateway's stamps all agree). <see cref="Real"/> is the
/// machine's clock, for what must be real whatever the chain's day: a report's date, and token
/// lifetimes, which the services check against the real clock (AuthExtensions).
/// </summary>
public sealed class BenchClock
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly DateTimeOffset? _startAt;
    private readonly DateTimeOffset _setAt;

    public BenchClock(DateTimeOffset? startAt, TimeProvider? real = null)
    {
        Real = real ?? TimeProvider.System;
        _startAt = startAt;
        _setAt = Real.GetUtcNow();
        Chain = startAt is { } at ? new TrainingClock(at, _setAt, Real) : Real;
    }

    public TimeProvider Real { get; }

    public TimeProvider Chain { get; }

    /// <summary>The chain's date in China Standard Time: the day the clerks file on.</summary>
    public DateOnly ChinaToday => DateOnly.FromDateTime(Chain.GetUtcNow().ToOffset(China).DateTime);

    /// <summary>
    /// The <see cref="Stopwatch"/> timestamp of an instant a service stamped (on <see cref="Chain"/>, as the
    /// services' clock is), so that it can be set beside the moments the benchmark took itself.
    /// </summary>
    public long StopwatchTimestampOf(DateTimeOffset chainInstant)
    {
        var ago = Chain.GetUtcNow() - chainInstant;
        return Stopwatch.GetTimestamp() - (long)(ago.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>The services' training-clock settings that put them on <see cref="Chain"/>; none when the chain runs on the real clock.</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings => _startAt is { } at
        ? new Dictionary<string, string>
        {
            ["TrainingClock:Now"] = at.ToString("O", CultureInfo.InvariantCulture),
            ["TrainingClock:SetAt"] = _setAt.ToString("O", CultureInfo.InvariantCulture),
        }
        : new Dictionary<string, string>();
}
