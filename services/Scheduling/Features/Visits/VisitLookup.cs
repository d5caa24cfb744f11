using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Features.Visits;

/// <summary>Finds the visit a call names and checks the caller's side owns it: the prison's officers, or the venue's staff.</summary>
public static class VisitLookup
{
    public static async Task<Visit> FindAsync(SchedulingDbContext db, string visitId, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Officer, Roles.VenueStaff);
        var id = Ids.Parse(visitId, "visit_id");
        var visit = await db.Visits.SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw GrpcErrors.NotFound("会见", visitId);
        caller.RequireOrganisation(caller.Role == Roles.Officer ? visit.PrisonId : visit.VenueId);
        return visit;
    }

    public static async Task<VisitView> ViewAsync(SchedulingDbContext db, Visit visit, DateTimeOffset now, CancellationToken ct)
    {
        var interruptions = await db.Interruptions.AsNoTracking().Where(i => i.VisitId == visit.Id).ToListAsync(ct);
        return VisitViews.ToView(visit, now, interruptions);
    }
}
