using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Privacy;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;

namespace Visitation.PrisonApproval.Features.Register;

/// <summary>One inmate as the visit centre sees them: register facts, statuses, relatives, the month's quota.</summary>
public sealed class InmateViews(PrisonApprovalDbContext db, InmateFacts facts, TimeProvider clock)
{
    /// <summary>The caller's prison's inmate, under the inmate's lock (inside a transaction), tracked and with statuses.</summary>
    public async Task<Inmate> LoadLockedAsync(Caller caller, string inmateNumber, CancellationToken ct)
    {
        caller.Require(Roles.Officer);
        new FieldViolations().Required("inmate_number", inmateNumber).ThrowIfAny();
        var id = await db.Inmates.AsNoTracking()
                     .Where(i => i.PrisonId == caller.OrganisationId && i.InmateNumber == inmateNumber.Trim())
                     .Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct)
                 ?? throw GrpcErrors.NotFound("服刑人员", inmateNumber);
        return await facts.LockAndLoadAsync(id, ct);
    }

    /// <summary>The caller's prison's inmate, tracked and with statuses, or NOT_FOUND.</summary>
    public async Task<Inmate> LoadAsync(Caller caller, string inmateNumber, CancellationToken ct)
    {
        caller.Require(Roles.Officer);
        new FieldViolations().Required("inmate_number", inmateNumber).ThrowIfAny();
        return await db.Inmates.Include(i => i.Statuses)
                   .SingleOrDefaultAsync(i => i.PrisonId == caller.OrganisationId && i.InmateNumber == inmateNumber.Trim(), ct)
               ?? throw GrpcErrors.NotFound("服刑人员", inmateNumber);
    }

    public async Task<InmateView> ViewAsync(Inmate inmate, VisitMonth? month, CancellationToken ct)
    {
        var shown = month ?? VisitMonth.Of(ChinaTime.Today(clock));
        var key = shown.Key;
        var policy = facts.PolicyOf(inmate);
        var ledger = await facts.LedgerAsync(inmate, shown, ct);
        var view = new InmateView
        {
            InmateNumber = inmate.InmateNumber,
            Name = inmate.Name,
            PrisonArea = inmate.Area,
            ManagementLevel = inmate.ManagementLevel,
            Juvenile = inmate.Juvenile,
            Custody = inmate.Custody switch { CustodyStatus.Transferred => "transferred", CustodyStatus.Released => "released", _ => "in_custody" },
            LeftOn = Day(inmate.LeftOn),
            QuotaMonth = key,
            QuotaUsed = MonthlyQuotaRule.Used(policy, ledger, shown),
            QuotaAllowed = MonthlyQuotaRule.Allowance(policy, facts.StateOf(inmate)),
        };
        view.CrimeCategories.AddRange(inmate.CrimeCategories);
        view.Statuses.AddRange(inmate.Statuses.OrderBy(s => s.From).Select(s => new StatusView
        {
            StatusId = s.Id.ToString(),
            Kind = s.Kind,
            From = Day(s.From),
            To = Day(s.To),
            Reason = s.Reason,
            Source = s.Source.ToString().ToLowerInvariant(),
            SetBy = s.SetBy,
        }));
        var relatives = await db.Relatives.AsNoTracking().Where(r => r.InmateId == inmate.Id).OrderBy(r => r.ConfirmedAt).ToListAsync(ct);
        view.Relatives.AddRange(relatives.Select(r => new RelativeView
        {
            Name = r.Name,
            IdNumberMasked = Mask.IdNumber(r.IdNumber),
            Relation = r.Relation,
            ConfirmedAt = ChinaTime.Format(r.ConfirmedAt),
        }));
        var entries = await db.QuotaEntries.AsNoTracking().Where(e => e.InmateId == inmate.Id && e.Month == key).OrderBy(e => e.RecordedAt).ToListAsync(ct);
        view.QuotaEntries.AddRange(entries.Select(e => new QuotaEntryView
        {
            Date = Day(e.Date),
            Mode = e.Mode,
            Outcome = e.Outcome,
            ApplicationId = e.ApplicationId?.ToString() ?? string.Empty,
            Note = e.Note ?? string.Empty,
        }));
        var approvals = await db.SpecialApprovals.AsNoTracking().Where(a => a.InmateId == inmate.Id && a.Month == key).ToListAsync(ct);
        view.SpecialApprovals.AddRange(approvals.Select(a =>
        {
            var approval = new SpecialApprovalView
            {
                Kind = a.Kind,
                Signatories = a.Signatories,
                Reason = a.Reason,
                Complete = new SpecialApproval(a.Kind, shown, a.ApprovedBy).IsCompleteFor(policy.ExtraVisitApprovalChain),
            };
            approval.ApprovedBy.AddRange(a.ApprovedBy);
            return approval;
        }));
        return view;
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
