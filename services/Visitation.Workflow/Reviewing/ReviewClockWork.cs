using Visitation.Workflow.Metrics;
using Microsoft.EntityFrameworkCore;
using Visitation.Messaging;
using Visitation.Messaging.Database;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Audit;

namespace Visitation.Workflow.Reviewing;

/// <summary>
/// A stage's review clock: a review left pending past its working-day deadline, or whose visit month
/// is over, expires with a reason the family is told, instead of waiting forever; so does one sent back
/// for material the office did not hand in in time. Several instances
/// may run: a row another instance expired first loses on its row version, and the run is simply
/// repeated at the next tick.
/// </summary>
public abstract class ReviewClockWork<TItem, TContext>(TContext db, TimeProvider clock) : IPeriodicWork
    where TItem : ReviewItem
    where TContext : ServiceDbContext
{
    private const int BatchSize = 100;

    protected TContext Db { get; } = db;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = ChinaTime.Now(clock);
        var thisMonth = VisitMonth.Of(ChinaTime.Today(clock)).FirstDay;
        // The database's side of ReviewExpiry.ReasonFor: it finds the rows, the rule names the reason.
        var overdue = await Db.Set<TItem>()
            // A sent-back review's DueBy is the office's time to hand the material in (docs/send-back.md).
            .Where(r => (r.Status == ReviewStatus.Pending || r.Status == ReviewStatus.SentBack)
                && ((r.DueBy != null && r.DueBy <= now) || r.VisitMonthStart < thisMonth))
            .OrderBy(r => r.DueBy).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var item in overdue)
        {
            var reason = item.ExpiryReason(now, thisMonth)
                ?? throw new InvalidOperationException($"Review {item.ApplicationId} was selected to expire but has time left.");
            item.Expire(reason, now);
            Announce(item, reason, now);
            Db.AuditSystem(ExpiryEvent, item.Audited(), reason.Code, "expired");
            WorkflowMetrics.ReviewExpired(item.Stage.ClockKey, item.OwningOrganisation);
        }

        await Db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What the audit calls this stage's expiry.</summary>
    protected abstract AuditEvent ExpiryEvent { get; }

    /// <summary>Publishes the stage's refusal event for an expired review (in the same transaction).</summary>
    protected abstract void Announce(TItem item, RuleFailure reason, DateTimeOffset now);
}
