using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Visits;
using Visitation.Scheduling.Grpc;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;
using VisitStatus = Visitation.Rules.Visits.VisitStatus;

namespace Visitation.Scheduling.Features.ListAffectedVisits;

/// <summary>
/// The visit centre's "needs attention" list: its prison's booked visits that a change of
/// circumstances cancelled — an inmate's status, a departure or a barred visitor (prison approval's
/// request), a closure, a reference-data change — each with the re-offer made in its place. A family's
/// own withdrawal is no change the centre must look at, so it is left out.
/// </summary>
public sealed class ListAffectedVisitsHandler(SchedulingDbContext db)
{
    /// <summary>Set by <see cref="Visit"/> when the family withdrew the application.</summary>
    private const string Withdrawn = "APPLICATION_WITHDRAWN";

    public async Task<ListAffectedVisitsReply> HandleAsync(ListAffectedVisitsRequest request, Caller caller, CancellationToken ct)
    {
        var (from, to) = DateRanges.Parse(request.DateFrom, request.DateTo);
        var affected = await db.Visits.AsNoTracking()
            .Where(v => caller.Organisations.Contains(v.PrisonId) && v.Status == VisitStatus.Cancelled
                && v.OutcomeReasonCode != Withdrawn && v.Date >= from && v.Date <= to)
            .OrderByDescending(v => v.EndedAt).ThenBy(v => v.Id)
            .ToListAsync(ct);
        var replacementIds = affected.Where(v => v.ReplacedBy != null).Select(v => v.ReplacedBy!.Value).ToList();
        var replacements = await db.Visits.AsNoTracking().Where(v => replacementIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);
        await db.AuditReadAsync(caller, AuditEvent.AffectedVisitsListed, AuditedRecord.ListBy("visit", caller), AuditPurposes.WorkQueue, ct, outcome: $"rows:{affected.Count}");

        var reply = new ListAffectedVisitsReply();
        reply.Visits.AddRange(affected.Select(v => new AffectedVisit
        {
            Visit = VisitViews.ToView(v),
            ClosureId = v.ClosureId?.ToString() ?? string.Empty,
            Replacement = v.ReplacedBy is { } id && replacements.TryGetValue(id, out var replacement) ? VisitViews.ToView(replacement) : null,
        }));
        return reply;
    }
}
