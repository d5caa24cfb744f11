using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Calendars;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Visits;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.Scheduling.Features.GetVisit;

/// <summary>One visit with its day-of record, for the prison's officers and the venue's staff.</summary>
public sealed class GetVisitHandler(SchedulingDbContext db, TimeProvider clock)
{
    public async Task<VisitView> HandleAsync(GetVisitRequest request, Caller caller, CancellationToken ct)
    {
        var visit = await VisitLookup.FindAsync(db, request.VisitId, caller, ct);
        await db.AuditReadAsync(caller, AuditEvent.VisitRead, visit.Audited(), AuditPurposes.CaseHandling, ct);
        return await VisitLookup.ViewAsync(db, visit, ChinaTime.Now(clock), ct);
    }
}
