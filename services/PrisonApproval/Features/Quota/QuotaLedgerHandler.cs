using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;

namespace Visitation.PrisonApproval.Features.Quota;

/// <summary>
/// What the visit centre writes into the monthly quota ledger by hand: on-site visits (held in the
/// prison's own visiting room, outside this system) and special approvals with who signed them.
/// </summary>
public sealed class QuotaLedgerHandler(PrisonApprovalDbContext db, InmateViews views, InmateFacts facts, TimeProvider clock)
{
    public async Task<InmateView> RecordOnSiteVisitAsync(RecordOnSiteVisitRequest request, Caller caller, CancellationToken ct)
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
        // The request id makes a retried call harmless: the same visit is not counted twice.
        if (!await db.QuotaEntries.AnyAsync(e => e.InmateId == inmate.Id && e.RequestId == requestId, ct))
        {
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
                Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            });
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return await views.ViewAsync(inmate, VisitMonth.Of(date!.Value), ct);
    }

    public async Task<InmateView> RecordSpecialApprovalAsync(RecordSpecialApprovalRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        if (request.Kind is not (SpecialApproval.ExtraVisit or SpecialApproval.LongerVisit))
        {
            violations.Add("kind", "应为 extra_visit 或 longer_visit");
        }

        var month = violations.Month("month", request.Month);
        if (request.ApprovedBy.Count == 0)
        {
            violations.Add("approved_by", "至少需要一级审批");
        }

        violations.Required("signatories", request.Signatories);
        violations.Required("reason", request.Reason);
        violations.ThrowIfAny();
        var inmate = await views.LoadAsync(caller, request.InmateNumber, ct);
        var chain = facts.PolicyOf(inmate).ExtraVisitApprovalChain;
        var unknown = request.ApprovedBy.Where(level => !chain.Contains(level)).ToList();
        if (unknown.Count > 0)
        {
            throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation
            {
                Field = "approved_by",
                Description = $"本省审批层级为 {string.Join(" → ", chain)}，未知：{string.Join("、", unknown)}",
            }]);
        }

        db.SpecialApprovals.Add(new SpecialApprovalRecord
        {
            Id = Guid.CreateVersion7(),
            InmateId = inmate.Id,
            Kind = request.Kind,
            Month = VisitMonth.Of(month!.Value).Key,
            ApprovedBy = [.. request.ApprovedBy.Distinct()],
            Signatories = request.Signatories.Trim(),
            Reason = request.Reason.Trim(),
            RecordedBy = caller.UserId,
            RecordedAt = ChinaTime.Now(clock),
        });
        await db.SaveChangesAsync(ct);
        return await views.ViewAsync(inmate, VisitMonth.Of(month.Value), ct);
    }
}
