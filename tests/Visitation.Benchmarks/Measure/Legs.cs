using HdrHistogram;
using Visitation.Benchmarks.Load;

namespace Visitation.Benchmarks;

/// <summary>One measured leg of an application's way: between which moments, and what it means.</summary>
public sealed record Leg(string Key, string Meaning, Func<ApplicationRun, TimeSpan?> Measure)
{
    private static Leg Between(string key, string meaning, Moment from, Moment to) => new(key, meaning, run => run.Between(from, to));

    /// <summary>
    /// The legs reported. "Queue" legs end when the stage's staff (the benchmark, polling) saw the application
    /// in their queue, so they include up to one poll interval; the "automated" figure adds up the legs
    /// nobody acts in: what the services do between the staff's calls.
    /// </summary>
    public static IReadOnlyList<Leg> All { get; } =
    [
        Between("submit_call", "the clerk's SubmitApplication call", Moment.SubmitStarted, Moment.Submitted),
        Between("submit_to_received_sms", "submitted → the 受理 SMS at the gateway", Moment.Submitted, Moment.ReceivedSms),
        Between("submit_to_bureau_queue", "submitted → in the county reviewer's queue", Moment.Submitted, Moment.BureauQueued),
        Between("bureau_approve_call", "the reviewer's ApproveApplication call", Moment.BureauQueued, Moment.BureauApproved),
        Between("bureau_to_prison_queue", "county approval → in the prison officer's queue", Moment.BureauApproved, Moment.PrisonQueued),
        Between("prison_approve_call", "the officer's ApproveApplication call", Moment.PrisonApproveStarted, Moment.PrisonApproved),
        Between("prison_to_proposal", "prison approval → the proposed slot in the visit centre's list", Moment.PrisonApproved, Moment.Proposed),
        Between("confirm_call", "the visit centre's ConfirmVisit call", Moment.ConfirmStarted, Moment.Confirmed),
        Between("confirm_to_scheduled_sms", "confirmed → the 会见安排 SMS at the gateway", Moment.Confirmed, Moment.ScheduledSms),
        new("automated", "the four legs above that end in a queue or an SMS, added up: the system's own work", Automated),
        Between("end_to_end", "submit → the 会见安排 SMS at the gateway, staff calls included", Moment.SubmitStarted, Moment.ScheduledSms),
    ];

    public LegFigures Figures(IEnumerable<ApplicationRun> runs)
    {
        var histogram = new LongHistogram(TimeSpan.FromMinutes(10).Ticks / 10, 3); // microseconds, up to 10 minutes
        foreach (var run in runs)
        {
            if (Measure(run) is { } value)
            {
                histogram.RecordValue(Math.Max(1, (long)value.TotalMicroseconds));
            }
        }

        double Ms(double percentile) => histogram.TotalCount == 0 ? 0 : Math.Round(histogram.GetValueAtPercentile(percentile) / 1000.0, 1);
        return new LegFigures(Key, Meaning, histogram.TotalCount, Ms(50), Ms(95), Ms(99), histogram.TotalCount == 0 ? 0 : Math.Round(histogram.GetMaxValue() / 1000.0, 1));
    }

    private static TimeSpan? Automated(ApplicationRun run)
    {
        TimeSpan?[] parts =
        [
            run.Between(Moment.Submitted, Moment.BureauQueued),
            run.Between(Moment.BureauApproved, Moment.PrisonQueued),
            run.Between(Moment.PrisonApproved, Moment.Proposed),
            run.Between(Moment.Confirmed, Moment.ScheduledSms),
        ];
        return parts.All(p => p is not null) ? parts.Aggregate(TimeSpan.Zero, (sum, p) => sum + p!.Value) : null;
    }
}

/// <summary>A leg's percentiles in milliseconds over the applications that passed it.</summary>
public sealed record LegFigures(string Leg, string Meaning, long Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs);
