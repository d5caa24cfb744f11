using System.Diagnostics;

namespace Visitation.Benchmarks.Load;

/// <summary>The moments of one application's way through the chain that the legs are measured between (Stopwatch timestamps, 0 = not yet).</summary>
public enum Moment
{
    SubmitStarted,
    Submitted,
    ReceivedSms,
    BureauQueued,
    BureauApproved,
    PrisonQueued,
    PrisonApproveStarted,
    PrisonApproved,
    Proposed,
    ConfirmStarted,
    Confirmed,
    ScheduledSms,
}

/// <summary>One application the load drives: who files and decides it, and when each of its moments happened.</summary>
public sealed class ApplicationRun(int index, BenchFamily family)
{
    private readonly long[] _moments = new long[Enum.GetValues<Moment>().Length];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _retries;

    public int Index { get; } = index;

    public BenchFamily Family { get; } = family;

    public string ApplicationId { get; set; } = "";

    /// <summary>The day of the visit the visit centre confirmed (yyyy-MM-dd), once it did.</summary>
    public string VisitDay { get; set; } = "";

    /// <summary>Why the application did not reach its scheduled SMS, if it did not.</summary>
    public string? Failure { get; private set; }

    public Task Done => _done.Task;

    public bool Succeeded => Failure is null && At(Moment.ScheduledSms) != 0;

    /// <summary>Calls of this application's staff that answered UNAVAILABLE and were made again.</summary>
    public int Retries => Volatile.Read(ref _retries);

    public void Retried() => Interlocked.Increment(ref _retries);

    public void Mark(Moment moment) => MarkAt(moment, Stopwatch.GetTimestamp());

    /// <summary>Records a moment that happened at <paramref name="timestamp"/> (a Stopwatch timestamp), e.g. one a service stamped.</summary>
    public void MarkAt(Moment moment, long timestamp) => Interlocked.CompareExchange(ref _moments[(int)moment], timestamp, 0);

    public long At(Moment moment) => Volatile.Read(ref _moments[(int)moment]);

    /// <summary>The furthest moment the application reached, to tell where one that never arrived stopped; null before its submit started.</summary>
    public Moment? LastReached => Enum.GetValues<Moment>().Where(m => At(m) != 0).Select(m => (Moment?)m).LastOrDefault();

    /// <summary>The time from one moment to a later one, or null when either has not happened; never negative.</summary>
    public TimeSpan? Between(Moment from, Moment to)
    {
        var (start, end) = (At(from), At(to));
        return start == 0 || end == 0 ? null : Stopwatch.GetElapsedTime(start, Math.Max(start, end));
    }

    public void Complete()
    {
        Mark(Moment.ScheduledSms);
        _done.TrySetResult();
    }

    public void Fail(string why)
    {
        Failure ??= why;
        _done.TrySetResult();
    }
}
