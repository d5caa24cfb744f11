using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.PrisonApproval.Features.Register;

/// <summary>One inmate as the visit centre sees them: register facts, statuses, relatives, the month's quota.</summary>
public sealed class InmateViews(PrisonApprovalDbContext db, InmateFacts facts, TimeProvider clock)
{
    /// <summary>The caller's prison's inmate, under the inmate's lock (inside a transaction), tracked and with statuses.</summary>
    public async Task<Inmate> LoadLockedAsync(Caller caller, string inmateNumber, CancellationToken ct)
    {
        new FieldViolations().Required("inmate_number", inmateNumber).ThrowIfAny();
        var id = await db.Inmates.AsNoTracking()
                     .Where(i => caller.Organisations.Contains(i.PrisonId) && i.InmateNumber == inmateNumber.Trim())
                     .Select(i => (Guid?)i.Id).SingleOrDefaultAsync(ct)
                 ?? throw GrpcErrors.NotFound("服刑人员", inmateNumber);
        return await facts.LockAndLoadAsync(id, ct);
    }

    /// <summary>The caller's prison's inmate, tracked and with statuses, or NOT_FOUND.</summary>
    public async Task<Inmate> LoadAsync(Caller caller, string inmateNumber, CancellationToken ct)
    {
        new FieldViolations().Required("inmate_number", inmateNumber).ThrowIfAny();
        return await db.Inmates.Include(i => i.Statuses)
                   .SingleOrDefaultAsync(i => caller.Organisations.Contains(i.PrisonId) && i.InmateNumber == inmateNumber.Trim(), ct)
               ?? throw GrpcErrors.NotFound("服刑人员", inmateNumber);
    }

    /// <summary>The inmate with the quota of <paramref name="month"/> (null: this month, China time).</summary>
    public async Task<InmateView> ViewAsync(Inmate inmate, VisitMonth? month, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        var shown = month ?? VisitMonth.Of(ChinaTime.Today(clock));
        return View(inmate, shown, await facts.RecordsAsync([inmate], [shown], [], ct));
    }

    /// <summary>The inmate with the quota of <paramref name="month"/>, from records already read (a page's).</summary>
    public InmateView View(Inmate inmate, VisitMonth month, InmateRecords records)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(records);
        var policy = facts.PolicyOf(inmate);
        var ledger = records.Ledger(inmate.Id, month);
        var view = InmateViewParts.Register(inmate);
        view.QuotaMonth = month.Key;
        view.QuotaUsed = MonthlyQuotaRule.Used(policy, ledger, month);
        view.QuotaAllowed = MonthlyQuotaRule.Allowance(policy, facts.StateOf(inmate));
        view.Statuses.AddRange(inmate.Statuses.OrderBy(s => s.From).Select(InmateViewParts.Status));
        view.Relatives.AddRange(records.Relatives(inmate.Id).Select(InmateViewParts.Relative));
        view.QuotaEntries.AddRange(records.Entries(inmate.Id, month).Select(InmateViewParts.QuotaEntry));
        view.SpecialApprovals.AddRange(records.SpecialApprovals(inmate.Id, month)
            .Select(a => InmateViewParts.SpecialApproval(a, month, policy.ExtraVisitApprovalChain)));
        return view;
    }

    /// <summary>Saves and commits an officer's change to the inmate, and answers with the inmate as it now stands.</summary>
    public async Task<InmateView> CommitAsync(Inmate inmate, IDbContextTransaction transaction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await ViewAsync(inmate, null, ct);
    }
}
