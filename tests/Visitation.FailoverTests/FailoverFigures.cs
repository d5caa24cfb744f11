using System.Diagnostics;
using System.Globalization;
using Visitation.Benchmarks.Load;

namespace Visitation.FailoverTests;

/// <summary>
/// What a fault cost a run, from its applications' moments and the gateway's arrivals (Stopwatch
/// timestamps): how long the SMS stopped coming after the fault, how many applications took longer
/// than the slowest before it and by how much, how many calls answered UNAVAILABLE and were repeated —
/// and the counts that must be zero: applications that never reached their SMS, SMS sent twice.
/// </summary>
public sealed record FailoverFigures(
    int Applications,
    int Completed,
    IReadOnlyList<string> Failures,
    int DuplicateSms,
    double FaultSeconds,
    double LongestPauseBeforeSeconds,
    double PauseAfterFaultSeconds,
    double SlowestBeforeSeconds,
    int InFlightAtFault,
    int Delayed,
    double SlowestAfterSeconds,
    int RetriedCalls,
    double LoadSeconds)
{
    public static FailoverFigures Of(IReadOnlyList<ApplicationRun> runs, IReadOnlyList<long> arrivals, long start, long faultAt, long faultDone, int duplicates)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(arrivals);
        var before = runs.Where(r => r.Succeeded && r.At(Moment.ScheduledSms) < faultAt).ToList();
        var slowestBefore = before.Select(EndToEnd).DefaultIfEmpty(0).Max();
        var after = runs.Where(r => r.Succeeded && r.At(Moment.ScheduledSms) >= faultAt).ToList();
        var sorted = arrivals.Order().ToList();
        var end = sorted.Count == 0 ? faultAt : sorted[^1];
        return new FailoverFigures(
            runs.Count,
            runs.Count(r => r.Succeeded),
            [.. runs.Where(r => !r.Succeeded).Select(r => $"#{r.Index} {r.ApplicationId}: {r.Failure ?? "did not reach its scheduled SMS in time"}").Take(10)],
            duplicates,
            Seconds(faultAt, faultDone),
            LongestGap(sorted.Where(t => t >= start && t < faultAt).Prepend(start)),
            LongestGap(sorted.Where(t => t >= faultAt).Prepend(faultAt)),
            slowestBefore,
            runs.Count(r => r.At(Moment.SubmitStarted) is var s && s > 0 && s < faultAt && (r.At(Moment.ScheduledSms) == 0 || r.At(Moment.ScheduledSms) >= faultAt)),
            after.Count(r => EndToEnd(r) > slowestBefore),
            after.Select(EndToEnd).DefaultIfEmpty(0).Max(),
            runs.Sum(r => r.Retries),
            Seconds(start, end));
    }

    /// <summary>The messages consumers failed on and put back for a delayed redelivery, service and fault.</summary>
    public IReadOnlyList<string> Redelivered { get; init; } = [];

    public bool NoneLostNoneTwice => Completed == Applications && DuplicateSms == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Completed}/{Applications} applications reached their SMS, {DuplicateSms} SMS twice; fault took {FaultSeconds:0.0} s; " +
        $"SMS paused {PauseAfterFaultSeconds:0.0} s after the fault (longest pause before it {LongestPauseBeforeSeconds:0.0} s); " +
        $"{InFlightAtFault} in flight at the fault, {Delayed} took longer than the slowest before it ({SlowestBeforeSeconds:0.0} s), " +
        $"slowest after {SlowestAfterSeconds:0.0} s; {RetriedCalls} calls repeated after UNAVAILABLE; load {LoadSeconds:0.0} s; {Redelivered.Count} messages put back for a delayed redelivery") +
        (Redelivered.Count == 0 ? "" : " (" + string.Join("; ", Redelivered.Take(10)) + ")") +
        (Failures.Count == 0 ? "" : "; failures: " + string.Join("; ", Failures));

    private static double EndToEnd(ApplicationRun run) => run.Between(Moment.SubmitStarted, Moment.ScheduledSms)?.TotalSeconds ?? 0;

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, Math.Max(from, to)).TotalSeconds;

    private static double LongestGap(IEnumerable<long> timestamps)
    {
        var longest = 0.0;
        long? previous = null;
        foreach (var t in timestamps)
        {
            if (previous is { } p)
            {
                longest = Math.Max(longest, Seconds(p, t));
            }

            previous = t;
        }

        return longest;
    }
}
