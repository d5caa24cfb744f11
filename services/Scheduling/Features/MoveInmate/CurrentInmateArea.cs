using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Propose;

namespace Visitation.Scheduling.Features.MoveInmate;

/// <summary>
/// The inmate's area as scheduling last heard of a move, so that a move wins over an approval already on its way
/// (docs/reoffer-and-moves.md). Both sides work under the prison's allocation lock: either the move's consumer
/// finds the proposed visit and moves it, or the proposal finds the move recorded and is placed in the new area.
/// </summary>
public sealed class CurrentInmateArea(SchedulingDbContext db, SlotFinder slots)
{
    /// <summary>Records the move (a move delivered after a later one changes nothing), under the prison's lock.</summary>
    public async Task RecordAsync(InmateMovedArea move, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(move);
        await slots.LockAsync([move.PrisonId], [], ct);
        var row = await db.InmateAreas.SingleOrDefaultAsync(a => a.PrisonId == move.PrisonId && a.InmateNumber == move.InmateNumber, ct);
        if (row is null)
        {
            db.InmateAreas.Add(new InmateArea { PrisonId = move.PrisonId, InmateNumber = move.InmateNumber, Area = move.ToArea, MovedAt = move.OccurredAt });
        }
        else if (move.OccurredAt >= row.MovedAt)
        {
            row.Area = move.ToArea;
            row.MovedAt = move.OccurredAt;
        }
    }

    /// <summary>
    /// The area a new proposal is placed in, read under the prison's lock: the last move's, when the inmate was moved,
    /// else the one the approval carries (<paramref name="carried"/>). A move that is still on its way moves the visit
    /// when it arrives.
    /// </summary>
    public async Task<string> OfAsync(string prisonId, string inmateNumber, string carried, CancellationToken ct)
    {
        await slots.LockAsync([prisonId], [], ct);
        var moved = await db.InmateAreas.AsNoTracking()
            .Where(a => a.PrisonId == prisonId && a.InmateNumber == inmateNumber)
            .Select(a => a.Area)
            .SingleOrDefaultAsync(ct);
        return moved ?? carried;
    }
}
