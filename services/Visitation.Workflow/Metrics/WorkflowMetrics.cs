using System.Diagnostics.Metrics;

namespace Visitation.Workflow.Metrics;

/// <summary>
/// What an operations team watches of the approval chain (docs/monitoring.md): applications reaching
/// each step and how long after submission, reviews that ran out of time by stage and organisation,
/// SMS outcomes, and how visits end. Tags are low-cardinality codes — step, stage, organisation id,
/// SMS kind, outcome — never a person's data or an application's id. Recorded when the work is done
/// in memory; a transaction that then fails and is retried may count once more (metrics are for
/// trends and alerts; the database and the audit are the records).
/// </summary>
public static class WorkflowMetrics
{
    public const string MeterName = "Visitation.Workflow";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Steps = Meter.CreateCounter<long>("visitation.application.steps", "{step}", "Applications reaching a step of the chain");
    private static readonly Histogram<double> TimeToStep = Meter.CreateHistogram<double>("visitation.application.time_to_step", "s", "Time from submission to a step of the chain");
    private static readonly Counter<long> Expired = Meter.CreateCounter<long>("visitation.review.expired", "{review}", "Reviews that ran out of time, by stage and organisation");
    private static readonly Counter<long> Sms = Meter.CreateCounter<long>("visitation.sms.outcomes", "{message}", "SMS submitted to, delivered by or failed at the provider");
    private static readonly Counter<long> Visits = Meter.CreateCounter<long>("visitation.visit.outcomes", "{visit}", "How visits ended: held, no-show, terminated, hold lapsed");

    /// <summary>An application moved to <paramref name="step"/> (the status it reached), <paramref name="sinceSubmitted"/> after it was filed.</summary>
    public static void StepReached(string step, TimeSpan sinceSubmitted)
    {
        Steps.Add(1, new KeyValuePair<string, object?>("step", step));
        TimeToStep.Record(Math.Max(0, sinceSubmitted.TotalSeconds), new KeyValuePair<string, object?>("step", step));
    }

    public static void ReviewExpired(string stage, string organisation) =>
        Expired.Add(1, new("stage", stage), new("organisation", organisation));

    /// <summary><paramref name="outcome"/>: submitted, delivered, or the failure reason's code.</summary>
    public static void SmsOutcome(string kind, string outcome) =>
        Sms.Add(1, new("kind", kind), new("outcome", outcome));

    /// <summary><paramref name="outcome"/>: completed, no_show, terminated, hold_lapsed.</summary>
    public static void VisitEnded(string outcome) => Visits.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
