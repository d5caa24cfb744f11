using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Visits;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Visits;
using Visitation.Scheduling.Grpc;
using Visitation.ServiceDefaults.Auth;

using VisitStatus = Visitation.Rules.Visits.VisitStatus;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.GetVenueAgenda;

/// <summary>
/// A venue's confirmed visits and how their day went: venue staff see their venue, a county
/// bureau's reviewers every venue of the county [N§9].
/// </summary>
public sealed class GetVenueAgendaHandler(SchedulingDbContext db, ReferenceDataSet reference)
{
    // Proposals, cancelled and expired visits are not the venue's business.
    private static readonly VisitStatus[] NotOnAgenda = [VisitStatus.Proposed, VisitStatus.Cancelled, VisitStatus.Expired];

    public async Task<GetVenueAgendaReply> HandleAsync(GetVenueAgendaRequest request, Caller caller, CancellationToken ct)
    {
        var (from, to) = DateRanges.Parse(request.DateFrom, request.DateTo);
        // The venue itself, or every venue of the reviewer's county.
        var venues = reference.Venues.Where(v => caller.Reaches(v.Id)).Select(v => v.Id).ToList();
        var visits = await db.Visits.AsNoTracking()
            .Where(v => venues.Contains(v.VenueId) && !NotOnAgenda.Contains(v.Status) && v.Date >= from && v.Date <= to)
            .OrderBy(v => v.Date).ThenBy(v => v.Start).ThenBy(v => v.VenueTerminal)
            .ToListAsync(ct);
        await db.AuditReadAsync(caller, AuditEvent.AgendaRead, AuditedRecord.ListBy("visit", caller), AuditPurposes.VisitDay, ct, outcome: $"rows:{visits.Count}");
        var reply = new GetVenueAgendaReply();
        reply.Visits.AddRange(visits.Select(VisitViews.ToView));
        return reply;
    }
}
