using System.Linq.Expressions;
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
        var id = Ids.Parse(visitId, "visit_id");
        return await db.Visits.SingleOrDefaultAsync(OfCallersSide(id, caller), ct) ?? throw GrpcErrors.NotFound("会见", visitId);
    }

    /// <summary>
    /// The visit, if its prison or its venue is within the caller's reach; another side's visit is
    /// answered exactly as an unknown one, since the same query finds neither.
    /// </summary>
    public static Expression<Func<Visit, bool>> OfCallersSide(Guid id, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return v => v.Id == id && (caller.Organisations.Contains(v.PrisonId) || caller.Organisations.Contains(v.VenueId));
    }

    public static async Task<VisitView> ViewAsync(SchedulingDbContext db, Visit visit, DateTimeOffset now, CancellationToken ct)
    {
        var interruptions = await db.Interruptions.AsNoTracking().Where(i => i.VisitId == visit.Id).ToListAsync(ct);
        return VisitViews.ToView(visit, now, interruptions);
    }
}
