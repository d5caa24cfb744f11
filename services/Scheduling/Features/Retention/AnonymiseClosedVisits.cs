using Microsoft.EntityFrameworkCore;
using Visitation.Workflow.Audit;
using Microsoft.Extensions.Options;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Workflow.Retention;

namespace Visitation.Scheduling.Features.Retention;

/// <summary>
/// Scheduling's retention, per application: once every visit it had is over (a status no action
/// leaves: completed, terminated, no-show, cancelled, lapsed) and each ended — or, for one that never
/// began, its day came — before the cutoff, its visits (<see cref="Visit.Anonymise"/>), their
/// interruptions' notes and the prison's cancellation requests lose their texts and names. A blank
/// inmate name shows a visit was anonymised. Tombstones of withdrawals go by their own time.
/// </summary>
public sealed class AnonymiseClosedVisits(SchedulingDbContext db, TimeProvider clock, IOptions<RetentionOptions> options)
    : RetentionWork<SchedulingDbContext>(db, clock, options)
{
    private static readonly VisitStatus[] Over = [.. Enum.GetValues<VisitStatus>().Where(s => VisitTransitions.AllowedActions(s).Count == 0)];

    protected override async Task<IReadOnlyCollection<AuditedRecord>> AnonymiseBatchAsync(RetentionCutoff cutoff, int batchSize, CancellationToken ct)
    {
        var day = cutoff.Day;
        var applications = await Db.Visits.Where(v => v.InmateName != "").Select(v => v.ApplicationId).Distinct()
            .Where(id => !Db.Visits.Any(v => v.ApplicationId == id
                && !(Over.Contains(v.Status) && v.Date < day && (v.EndedAt == null || v.EndedAt < cutoff.Instant))))
            .OrderBy(id => id).Take(batchSize).ToListAsync(ct);
        var visits = await Db.Visits.Where(v => applications.Contains(v.ApplicationId)).ToListAsync(ct);
        foreach (var visit in visits)
        {
            visit.Anonymise();
        }

        var visitIds = visits.Select(v => v.Id).ToList();
        await Db.Interruptions.Where(i => visitIds.Contains(i.VisitId) && i.Note != null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.Note, (string?)null), ct);
        await Db.CancellationRequests.Where(r => applications.Contains(r.ApplicationId) && r.Reason != "")
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Reason, string.Empty), ct);
        var withdrawals = await Db.ForgetWithdrawalReasonsAsync(cutoff, batchSize, ct);
        // An application's visits share its venue (a move stays in the county's room): the visit's owner.
        var anonymised = visits.GroupBy(v => v.ApplicationId).Select(g => AuditRecords.AuditedApplication(g.Key, g.First().VenueId)).ToList();
        return WithdrawalRetention.Together(anonymised, withdrawals);
    }
}
