using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Visits;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.RecordOnSiteVisit;

/// <summary>
/// An on-site visit, held in the prison's own visiting room outside this system, entered in the
/// monthly quota ledger by hand: video and on-site visits draw on the same quota ([Y 三1], [N§5]).
/// A day that is not the area's on-site day, or a month a booked video visit already draws on, is
/// entered only with the officer's reason (<see cref="OnSiteVisitChecks"/>): the call without one is
/// refused on <c>override_reason</c>, naming what to confirm, and nothing is written.
/// </summary>
public sealed class RecordOnSiteVisitHandler(PrisonApprovalDbContext db, InmateViews views, InmateFacts facts, PrisonCalendars calendars, TimeProvider clock)
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
            var (overrideReason, overridden) = await OverrideAsync(inmate, date!.Value, request.OverrideReason, ct);
            // The audit names which warnings were overridden by their codes; the officer's words stay sealed in the ledger.
            db.Audit(caller, AuditEvent.OnSiteVisitRecorded, inmate.Audited(), reason: overridden);
            db.QuotaEntries.Add(new QuotaEntry
            {
                Id = Guid.CreateVersion7(),
                InmateId = inmate.Id,
                Month = VisitMonth.Of(date!.Value).Key,
                Date = date,
                Mode = CountedVisit.OnSite,
                Outcome = CountedVisit.Held,
                RecordedBy = caller.UserId,
                RecordedAt = ChinaTime.Now(clock),
                RequestId = requestId,
                RequestHash = fingerprint,
                Note = request.Note.Trim(),
                OverrideReason = overrideReason,
            });
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return await views.ViewAsync(inmate, VisitMonth.Of(date!.Value), ct);
    }

    /// <summary>
    /// The officer's reason and the codes of the warnings it overrides (refused without a reason when there are
    /// any); both empty when the entry has none.
    /// </summary>
    private async Task<(string Reason, string? Codes)> OverrideAsync(Inmate inmate, DateOnly date, string given, CancellationToken ct)
    {
        var month = VisitMonth.Of(date);
        var onSiteDay = calendars.OnSiteDay(inmate.PrisonId, inmate.Area, month.Year, month.Month);
        var warnings = OnSiteVisitChecks.Warnings(onSiteDay, date, await facts.LedgerAsync(inmate, month, ct));
        if (warnings.Count == 0)
        {
            return (string.Empty, null);
        }

        if (string.IsNullOrWhiteSpace(given))
        {
            throw GrpcErrors.InvalidArgument(new FieldViolations().Add("override_reason", OnSiteVisitChecks.OverrideNeeded(warnings), warnings[0].Code).Items);
        }

        return (given.Trim(), string.Join(",", warnings.Select(w => w.Code)));
    }
}
