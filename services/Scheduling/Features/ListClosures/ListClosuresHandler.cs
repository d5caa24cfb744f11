using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Closures;
using Visitation.Scheduling.Grpc;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Scheduling.Features.ListClosures;

/// <summary>The caller's own closures in a date range: a prison's officers see the prison's, a venue's staff the venue's.</summary>
public sealed class ListClosuresHandler(SchedulingDbContext db)
{
    public async Task<ListClosuresReply> HandleAsync(ListClosuresRequest request, Caller caller, CancellationToken ct)
    {
        var (from, to) = DateRanges.Parse(request.DateFrom, request.DateTo);
        var closures = await db.Closures.AsNoTracking()
            .Where(c => (caller.Organisations.Contains(c.PrisonId) || caller.Organisations.Contains(c.VenueId)) && c.Date >= from && c.Date <= to)
            .OrderBy(c => c.Date).ThenBy(c => c.CreatedAt)
            .Select(c => new { Closure = c, Cancelled = db.Visits.Count(v => v.ClosureId == c.Id) })
            .ToListAsync(ct);
        var reply = new ListClosuresReply();
        reply.Closures.AddRange(closures.Select(x => ClosureViews.ToView(x.Closure, x.Cancelled)));
        return reply;
    }
}
