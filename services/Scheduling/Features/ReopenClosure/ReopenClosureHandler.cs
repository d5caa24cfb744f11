using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Calendars;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Closures;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.ReopenClosure;

/// <summary>
/// Lifts a closure: only the side that set it may (a venue cannot reopen the prison's day, nor the
/// other way round). The visits it cancelled stay cancelled: their families already hold a
/// re-offer elsewhere, and moving them back would take a slot from under someone else.
/// </summary>
public sealed class ReopenClosureHandler(SchedulingDbContext db, TimeProvider clock)
{
    public async Task<ClosureView> HandleAsync(ReopenClosureRequest request, Caller caller, CancellationToken ct)
    {
        var id = Ids.Parse(request.ClosureId, "closure_id");
        // The other side's closure is answered exactly as an unknown one: the same query finds neither.
        var closure = await db.Closures.SingleOrDefaultAsync(c => c.Id == id && (caller.Organisations.Contains(c.PrisonId) || caller.Organisations.Contains(c.VenueId)), ct)
            ?? throw GrpcErrors.NotFound("停会安排", request.ClosureId);

        if (closure.ReopenedAt is null) // reopening twice answers with the first reopening
        {
            closure.ReopenedAt = ChinaTime.Now(clock);
            closure.ReopenedBy = caller.UserId;
            db.Audit(caller, AuditEvent.ClosureReopened, closure.Audited());
            await db.SaveChangesAsync(ct);
        }

        var cancelled = await db.Visits.CountAsync(v => v.ClosureId == closure.Id, ct);
        return ClosureViews.ToView(closure, cancelled);
    }
}
