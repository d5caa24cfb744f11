using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.RecordOnSiteVisit;

/// <summary>
/// An on-site visit, held in the prison's own visiting room outside this system, entered in the
/// monthly quota ledger by hand: video and on-site visits draw on the same quota ([Y 三1], [N§5]).
/// </summary>
public sealed class RecordOnSiteVisitHandler(PrisonApprovalDbContext db, InmateViews views, TimeProvider clock)
{
    public async Task<InmateView> HandleAsync(RecordOnSiteVisitRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        violations.Required("request_id", request.RequestId);
        var date = violations.Date("date", request.Date);
        if (date > ChinaTime.Today(clock))
        {
            violations.Add("date", "只能登记已经进行的现场会见");
        }

        violations.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inmate = await views.LoadLockedAsync(caller, request.InmateNumber, ct);
        var requestId = request.RequestId.Trim();
        var fingerprint = RequestFingerprint.Of(request);
        // The request id makes a retried call harmless: the same visit is not counted twice. It is
        // bound to its call across the prison: the same id for another inmate, day or note is refused.
        var earlier = await db.QuotaEntries.AsNoTracking()
            .Where(e => e.RequestId == requestId && db.Inmates.Any(i => i.Id == e.InmateId && i.PrisonId == inmate.PrisonId))
            .Select(e => new { e.InmateId, e.RequestHash })
            .FirstOrDefaultAsync(ct);
        if (earlier is not null && (earlier.InmateId != inmate.Id || !RequestFingerprint.Matches(earlier.RequestHash, fingerprint)))
        {
            throw GrpcErrors.AlreadyExists("该请求编号已用于另一次登记，未重复登记");
        }

        if (earlier is null)
        {
            db.Audit(caller, AuditEvent.OnSiteVisitRecorded, inmate.Audited());
            db.QuotaEntries.Add(new QuotaEntry
            {
                Id = Guid.CreateVersion7(),
                InmateId = inmate.Id,
                Month = VisitMonth.Of(date!.Value).Key,
                Date = date,
                Mode = "on_site",
                Outcome = CountedVisit.Held,
                RecordedBy = caller.UserId,
                RecordedAt = ChinaTime.Now(clock),
                RequestId = requestId,
                RequestHash = fingerprint,
                Note = request.Note.Trim(),
            });
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return await views.ViewAsync(inmate, VisitMonth.Of(date!.Value), ct);
    }
}
