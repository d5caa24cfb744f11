using Microsoft.EntityFrameworkCore;
using Visitation.Workflow.Audit;
using Visitation.Workflow.Withdrawals;

namespace Visitation.Workflow.Retention;

public static class WithdrawalRetention
{
    /// <summary>
    /// Blanks the family's own words on tombstones of withdrawals made before <paramref name="cutoff"/>
    /// (a withdrawal closes the application); the tombstone itself stays, with its time. Returns the applications.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ForgetWithdrawalReasonsAsync(this DbContext db, RetentionCutoff cutoff, int batchSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cutoff);
        var tombstones = await db.Set<ApplicationTombstone>()
            .Where(t => t.Reason != "" && t.WithdrawnAt < cutoff.Instant)
            .OrderBy(t => t.WithdrawnAt).Take(batchSize).ToListAsync(ct);
        foreach (var tombstone in tombstones)
        {
            tombstone.Reason = string.Empty;
        }

        return [.. tombstones.Select(t => t.ApplicationId)];
    }

    /// <summary>
    /// The batch's records and the applications whose tombstones it cleared, each once: a tombstone
    /// names no organisation, so one with no record of the stage's own is audited with no owner.
    /// </summary>
    public static List<AuditedRecord> Together(List<AuditedRecord> anonymised, IReadOnlyList<Guid> withdrawals)
    {
        ArgumentNullException.ThrowIfNull(anonymised);
        ArgumentNullException.ThrowIfNull(withdrawals);
        var named = anonymised.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return [.. anonymised, .. withdrawals.Select(id => id.ToString()).Where(id => !named.Contains(id)).Select(id => new AuditedRecord("application", id, Owner: null))];
    }
}
