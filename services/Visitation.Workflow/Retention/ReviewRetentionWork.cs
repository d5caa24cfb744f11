using Microsoft.EntityFrameworkCore;
using Visitation.Workflow.Audit;
using Microsoft.Extensions.Options;
using Visitation.Messaging.Database;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Reviewing;

namespace Visitation.Workflow.Retention;

/// <summary>
/// Retention at a reviewing stage (the bureau's reviews, the prison's approvals). A stage sees its
/// own decision, not the end of the application: a review is closed once decided (or withdrawn)
/// and its visit month is over — no visit of a month happens after it, and the review clocks expire
/// whatever is still pending then — so it is anonymised when both its decision and its month's end
/// are older than the cutoff. Tombstones of withdrawals go by their own time.
/// </summary>
public abstract class ReviewRetentionWork<TItem, TContext>(TContext db, TimeProvider clock, IOptions<RetentionOptions> options)
    : RetentionWork<TContext>(db, clock, options)
    where TItem : ReviewItem
    where TContext : ServiceDbContext
{
    protected override async Task<IReadOnlyCollection<AuditedRecord>> AnonymiseBatchAsync(RetentionCutoff cutoff, int batchSize, CancellationToken ct)
    {
        var monthEnded = cutoff.LatestEndedMonthStart;
        var items = await NotYetAnonymised()
            .Where(r => r.Status != ReviewStatus.Pending && r.VisitMonthStart <= monthEnded && (r.DecidedAt == null || r.DecidedAt < cutoff.Instant))
            .OrderBy(r => r.ReceivedAt).Take(batchSize).ToListAsync(ct);
        foreach (var item in items)
        {
            item.Anonymise();
        }

        var withdrawals = await Db.ForgetWithdrawalReasonsAsync(cutoff, batchSize, ct);
        return WithdrawalRetention.Together([.. items.Select(i => i.Audited())], withdrawals);
    }

    /// <summary>The stage's items whose snapshot still names the inmate (the snapshot is jsonb, so the marker is read there).</summary>
    private IQueryable<TItem> NotYetAnonymised()
    {
        var entity = Db.Model.FindEntityType(typeof(TItem))!;
        var snapshot = entity.FindProperty(nameof(ReviewItem.Application))!.GetColumnName();
        // Names from the model and a constant, no input: nothing to inject. xmin is the row version, which * leaves out.
        var sql = "SELECT *, xmin FROM " + entity.GetTableName() + " WHERE " + snapshot + " ->> '" + AnonymousDetails.MarkerProperty + "' <> ''";
        return Db.Set<TItem>().FromSqlRaw(sql);
    }
}
