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
        var policy = facts.PolicyOf(inmate);
        var ledger = await facts.LedgerAsync(inmate, shown, ct);
        var view = InmateViewParts.Register(inmate);
        view.QuotaMonth = shown.Key;
        view.QuotaUsed = MonthlyQuotaRule.Used(policy, ledger, shown);
        view.QuotaAllowed = MonthlyQuotaRule.Allowance(policy, facts.StateOf(inmate));
        view.Statuses.AddRange(inmate.Statuses.OrderBy(s => s.From).Select(InmateViewParts.Status));
        view.Relatives.AddRange((await RelativesAsync(inmate, ct)).Select(InmateViewParts.Relative));
        view.QuotaEntries.AddRange((await EntriesAsync(inmate, shown, ct)).Select(InmateViewParts.QuotaEntry));
        view.SpecialApprovals.AddRange((await SpecialApprovalsAsync(inmate, shown, ct))
            .Select(a => InmateViewParts.SpecialApproval(a, shown, policy.ExtraVisitApprovalChain)));
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

    private Task<List<Relative>> RelativesAsync(Inmate inmate, CancellationToken ct) =>
        db.Relatives.AsNoTracking().Where(r => r.InmateId == inmate.Id).OrderBy(r => r.ConfirmedAt).ToListAsync(ct);

    private Task<List<QuotaEntry>> EntriesAsync(Inmate inmate, VisitMonth month, CancellationToken ct) =>
        db.QuotaEntries.AsNoTracking().Where(e => e.InmateId == inmate.Id && e.Month == month.Key).OrderBy(e => e.RecordedAt).ToListAsync(ct);

    private Task<List<SpecialApprovalRecord>> SpecialApprovalsAsync(Inmate inmate, VisitMonth month, CancellationToken ct) =>
        db.SpecialApprovals.AsNoTracking().Where(a => a.InmateId == inmate.Id && a.Month == month.Key).ToListAsync(ct);
}
