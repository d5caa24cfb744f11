using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Policies;
using Visitation.ServiceDefaults.ReferenceData;

namespace Visitation.PrisonApproval.Features.Eligibility;

/// <summary>
/// Gathers what the rules engine judges from the prison's records: the inmate's state, the month's
/// quota ledger, the visitors' bars. The engine itself stays pure; this is its only door to the database.
/// </summary>
public sealed class InmateFacts(PrisonApprovalDbContext db, ReferenceDataSet reference)
{
    /// <summary>
    /// Serialises decisions about one inmate until the transaction ends, so two approvals racing for
    /// the last visit of a month cannot both see it free.
    /// </summary>
    public async Task LockAsync(Inmate inmate, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"inmate:" + inmate.Id}))", ct);

    public VisitPolicy PolicyOf(Inmate inmate) => reference.PolicyFor(inmate.PrisonId);

    public InmateState StateOf(Inmate inmate) => new(
        reference.Prison(inmate.PrisonId)?.ProvinceId ?? string.Empty,
        inmate.PrisonId,
        inmate.ManagementLevel,
        inmate.Juvenile,
        inmate.CrimeCategories,
        [.. inmate.Statuses.Select(s => new StatusPeriod(s.Kind, s.From, s.To, s.Reason))],
        inmate.LeftOn is { } left
            ? new Departure(inmate.Custody == CustodyStatus.Released ? Departure.Released : Departure.Transferred, left)
            : null);

    public async Task<QuotaLedger> LedgerAsync(Inmate inmate, VisitMonth month, CancellationToken ct)
    {
        var key = MonthKey(month);
        var entries = await db.QuotaEntries.AsNoTracking().Where(e => e.InmateId == inmate.Id && e.Month == key).ToListAsync(ct);
        var approvals = await db.SpecialApprovals.AsNoTracking().Where(a => a.InmateId == inmate.Id && a.Month == key).ToListAsync(ct);
        return new QuotaLedger(
            [.. entries.Select(e => new CountedVisit(e.Date ?? month.FirstDay, e.Mode, e.Outcome))],
            [.. approvals.Select(a => new SpecialApproval(a.Kind, month, a.ApprovedBy))]);
    }

    /// <summary>Judges an application (month only: the day is not fixed yet) against everything the prison knows.</summary>
    public async Task<Judgement> JudgeAsync(Inmate inmate, ApplicationDetails application, bool useExtraVisit, CancellationToken ct)
    {
        var month = ParseMonth(application.VisitMonth);
        var bars = await BarsAsync(inmate.PrisonId, application.Visitors.Select(v => v.IdNumber), ct);
        var visitors = application.Visitors
            .Select(v => new Visitor(v.Relation, v.Age, v.IsGuardianOfChildren, v.Documents, bars.GetValueOrDefault(v.IdNumber, [])))
            .ToList();
        var request = new VisitRequest(month, null, application.SubmittedOn, visitors, useExtraVisit);
        return await JudgeAsync(inmate, request, ct);
    }

    public async Task<Judgement> JudgeAsync(Inmate inmate, VisitRequest request, CancellationToken ct)
    {
        var policy = PolicyOf(inmate);
        var state = StateOf(inmate);
        var ledger = await LedgerAsync(inmate, request.Month, ct);
        var result = EligibilityEngine.Evaluate(policy, state, ledger, request);
        var longer = ledger.Approvals.Any(a => a.Kind == SpecialApproval.LongerVisit && a.IsCompleteFor(policy.ExtraVisitApprovalChain));
        return new Judgement(
            result,
            MonthlyQuotaRule.Used(policy, ledger, request.Month),
            MonthlyQuotaRule.Allowance(policy, state),
            EligibilityEngine.VisitMinutes(policy, state, longer));
    }

    public async Task<Dictionary<string, List<VisitorBar>>> BarsAsync(string prisonId, IEnumerable<string> idNumbers, CancellationToken ct)
    {
        var ids = idNumbers.ToList();
        var bars = await db.BarredVisitors.AsNoTracking().Where(b => b.PrisonId == prisonId && ids.Contains(b.IdNumber)).ToListAsync(ct);
        return bars.GroupBy(b => b.IdNumber).ToDictionary(g => g.Key, g => g.Select(b => new VisitorBar(b.From, b.To, b.Reason)).ToList(), StringComparer.Ordinal);
    }

    public static string MonthKey(VisitMonth month) => $"{month.Year:D4}-{month.Month:D2}";

    public static string MonthKey(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static VisitMonth ParseMonth(string yyyyMm) =>
        VisitMonth.Of(DateOnly.ParseExact(yyyyMm + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>The engine's verdict plus the numbers an officer or clerk wants to see beside it.</summary>
public sealed record Judgement(EligibilityResult Result, int QuotaUsed, int QuotaAllowed, int VisitMinutes);
