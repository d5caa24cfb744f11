using Visitation.Contracts.Events;
using Visitation.Messaging.Database;
using Visitation.PrisonApproval.Data;

namespace Visitation.PrisonApproval.Features.MoveInmate;

/// <summary>
/// An inmate now in another area of the prison, by the officer's move or the register's import: scheduling moves the
/// open visits to the new area's days (docs/reoffer-and-moves.md). An inmate who has left the prison has none to move.
/// </summary>
public static class AreaMoves
{
    public static void Announce(PrisonApprovalDbContext db, Inmate inmate, string fromArea, string actor, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inmate);
        if (inmate.Area != fromArea && inmate.LeftOn is null)
        {
            db.Publish(new InmateMovedArea(inmate.PrisonId, inmate.InmateNumber, fromArea, inmate.Area, today, actor, now), now);
        }
    }
}
