using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.InFlight;
using Visitation.Protection;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Identity;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.BarVisitor;

/// <summary>
/// Bars one person from visiting anyone in the caller's prison for a period ([Y 八1], [NC§8]); their
/// pending applications are refused and their booked visits on the barred days cancelled.
/// </summary>
public sealed class BarVisitorHandler(PrisonApprovalDbContext db, AffectedWork affected, FieldProtector protector, TimeProvider clock)
{
    public async Task<BarVisitorReply> HandleAsync(BarVisitorRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var id = ResidentIdNumber.Check(request.IdNumber);
        if (!id.IsValid)
        {
            violations.Add("id_number", id.ErrorMessage ?? "身份证号码无效");
        }

        var from = violations.Date("from", request.From);
        DateOnly? to = string.IsNullOrEmpty(request.To) ? null : violations.Date("to", request.To);
        if (from is { } start && to is { } end && end < start)
        {
            violations.Add("to", "结束日期不能早于开始日期");
        }

        violations.Required("reason", request.Reason);
        violations.ThrowIfAny();
        var now = ChinaTime.Now(clock);
        var idNumber = request.IdNumber.Trim().ToUpperInvariant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var bar = new BarredVisitor
        {
            Id = Guid.CreateVersion7(),
            PrisonId = caller.OrganisationId,
            IdNumber = idNumber,
            From = from!.Value,
            To = to,
            Reason = request.Reason.Trim(),
            SetBy = caller.UserId,
            SetAt = now,
        };
        db.BarredVisitors.Add(bar);
        db.Audit(caller, AuditEvent.VisitorBarred, bar.Audited());
        await db.SaveChangesAsync(ct);
        var today = ChinaTime.Today(clock);
        var reached = new Affected(0, 0);
        if (to is not { } last || last >= today)
        {
            var message = $"会见人因{bar.Reason}被暂停会见，本次会见取消。";
            // Every live version of the key: applications in flight may carry the one being replaced.
            var visitorKeys = protector.BlindIndexes(idNumber, VisitorDetails.KeyPurpose);
            reached = await affected.VisitorBarredAsync(caller.OrganisationId, visitorKeys, new Stop(bar.From > today ? bar.From : today, to, RuleCodes.VisitorBarred, message, caller.UserId, now), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new BarVisitorReply { BarId = bar.Id.ToString(), ApplicationsRefused = reached.ApplicationsRefused, VisitsCancelled = reached.VisitsCancelled };
    }
}
