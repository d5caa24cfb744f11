using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Propose;
using Visitation.Scheduling.Features.Visits;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Features.ListFreeSlots;

/// <summary>The free slots a visit could move to in its month, each with both ends' free terminals, for the visit centre choosing another time.</summary>
public sealed class ListFreeSlotsHandler(SchedulingDbContext db, SlotFinder slots)
{
    private const int DefaultCount = 20;
    private const int MaxCount = 200;

    public async Task<ListFreeSlotsReply> HandleAsync(ListFreeSlotsRequest request, Caller caller, CancellationToken ct)
    {
        var id = Ids.Parse(request.VisitId, "visit_id");
        var visit = await db.Visits.AsNoTracking().SingleOrDefaultAsync(VisitLookup.OfCallersSide(id, caller), ct)
            ?? throw GrpcErrors.NotFound("会见", request.VisitId);
        var search = await slots.SearchForAsync(visit, new DateOnly(visit.Date.Year, visit.Date.Month, 1), ct);
        var free = await slots.FreeWithCapacityAsync(search, request.MaxResults is > 0 and <= MaxCount ? request.MaxResults : DefaultCount, ct);
        var reply = new ListFreeSlotsReply();
        reply.Slots.AddRange(free.Select(s => new FreeSlot
        {
            Date = WireDates.Day(s.Slot.Date),
            StartTime = WireDates.Time(s.Slot.Start),
            PrisonFreeTerminals = s.PrisonFree,
            PrisonTerminals = s.PrisonTerminals,
            VenueFreeTerminals = s.VenueFree,
            VenueTerminals = s.VenueTerminals,
        }));
        return reply;
    }
}
