using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Policies;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Calendars;
using Visitation.Rules.Slots;

namespace Visitation.PrisonApproval.Features.Eligibility;

/// <summary>
/// Gathers what the rules engine judges from the prison's records: the inmate's state, the month's
/// quota ledger, the visitors' bars. The engine itself stays pure; this is its only door to the database.
/// </summary>
public sealed class InmateFacts(PrisonApprovalDbContext db, ReferenceDataSet reference, PrisonCalendars calendars, TimeProvider clock)
{
    /// <summary>
    /// Serialises decisions about one inmate until the transaction ends, so two approvals racing for
    /// the last visit of a month cannot both see it free.
    /// </summary>
    public async Task LockAsync(Guid inmateId, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"inmate:" + inmateId}))", ct);

    /// <summary>
    /// Takes the inmate's lock, then loads the inmate (tracked, with statuses) as it stands under the
    /// lock: a change committed by the holder before us is seen, never judged from a stale copy.
    /// </summary>
    public async Task<Inmate> LockAndLoadAsync(Guid inmateId, CancellationToken ct)
    {
        await LockAsync(inmateId, ct);
        return await db.Inmates.Include(i => i.Statuses).SingleAsync(i => i.Id == inmateId, ct);
    }

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
        var key = month.Key;
        var entries = await db.QuotaEntries.AsNoTracking().Where(e => e.InmateId == inmate.Id && e.Month == key).ToListAsync(ct);
        var approvals = await db.SpecialApprovals.AsNoTracking().Where(a => a.InmateId == inmate.Id && a.Month == key).ToListAsync(ct);
        return new QuotaLedger(
            [.. entries.Select(e => new CountedVisit(e.Date ?? month.FirstDay, e.Mode, e.Outcome))],
            [.. approvals.Select(a => new SpecialApproval(a.Kind, month, a.ApprovedBy))]);
    }

    /// <summary>
    /// Judges a submitted application (month only: the day is not fixed yet) with the rules that need
    /// the prison's knowledge, and against the relatives register: a registered visitor who now
    /// claims another relation is a refusal to look into ([N§6(一)]: false information).
    /// </summary>
    public async Task<Judgement> JudgeAsync(Inmate inmate, ApplicationDetails application, bool useExtraVisit, bool useLongerVisit, CancellationToken ct)
    {
        var request = await RequestOfAsync(inmate, application, useExtraVisit, ct);
        var judgement = await JudgeAsync(inmate, request, prisonRulesOnly: true, useLongerVisit, ct);
        var mismatches = await RelationMismatchesAsync(inmate, application, ct);
        return mismatches.Count == 0
            ? judgement
            : judgement with { Result = EligibilityResult.From([.. mismatches, .. judgement.Result.Failures]) };
    }

    /// <summary>The submitted application as the rules engine reads it: its month (no day yet) and its visitors with their bars.</summary>
    public async Task<VisitRequest> RequestOfAsync(Inmate inmate, ApplicationDetails application, bool useExtraVisit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        ArgumentNullException.ThrowIfNull(application);
        var bars = await BarsAsync(inmate.PrisonId, application.Visitors.Select(v => v.VisitorKey), ct);
        var visitors = application.Visitors
            .Select(v => new Visitor(v.Relation, v.Age, v.IsGuardianOfChildren, v.Documents, bars.GetValueOrDefault(v.VisitorKey, [])))
            .ToList();
        var noShows = await FamilyNoShowsAsync(inmate, [.. application.Visitors.Select(v => v.VisitorKey)], ct);
        return new VisitRequest(VisitMonth.Parse(application.VisitMonth), null, application.SubmittedOn, visitors, useExtraVisit, noShows);
    }

    /// <summary>
    /// The days of the inmate's visits that any of these visitors was booked for and nobody came to — the
    /// family's no-shows with this inmate, for the no-show option (<see cref="NoShowSuspensionRule"/>). A
    /// visitor the visit centre removed from an application was not booked, so its no-show is not theirs.
    /// Read only when the prison's policy has the option on.
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>> FamilyNoShowsAsync(Inmate inmate, IReadOnlyCollection<string> visitorKeys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        ArgumentNullException.ThrowIfNull(visitorKeys);
        if (PolicyOf(inmate).NoShowSuspension is not { Enabled: true })
        {
            return [];
        }

        var noShows = await db.QuotaEntries.AsNoTracking()
            .Where(e => e.InmateId == inmate.Id && e.Outcome == CountedVisit.NoShow && e.ApplicationId != null && e.Date != null)
            .Select(e => new { ApplicationId = e.ApplicationId!.Value, Date = e.Date!.Value })
            .ToListAsync(ct);
        if (noShows.Count == 0)
        {
            return [];
        }

        var ids = noShows.Select(n => n.ApplicationId).ToList();
        var approvals = await db.Approvals.AsNoTracking().Where(a => ids.Contains(a.ApplicationId)).ToListAsync(ct);
        var ours = approvals
            .Where(a => a.Application.Visitors
                .Where((v, index) => !a.RemovedVisitors.Any(r => r.VisitorIndex == (v.Position ?? index)))
                .Any(v => visitorKeys.Contains(v.VisitorKey)))
            .Select(a => a.ApplicationId)
            .ToHashSet();
        return [.. noShows.Where(n => ours.Contains(n.ApplicationId)).Select(n => n.Date)];
    }

    /// <param name="useLongerVisit">The officer gives this visit the month's longer-visit approval; without it the ordinary length stands.</param>
    public async Task<Judgement> JudgeAsync(Inmate inmate, VisitRequest request, bool prisonRulesOnly, bool useLongerVisit, CancellationToken ct)
    {
        var policy = PolicyOf(inmate);
        var state = StateOf(inmate);
        var ledger = await LedgerAsync(inmate, request.Month, ct);
        var (days, next) = await BookableDaysOfAsync(inmate, request, policy, ct);
        var verdict = VisitDaysJudgement.Evaluate(policy, state, ledger, request, days, next, prisonRulesOnly);
        var longer = useLongerVisit && ledger.Approvals.Any(a => a.Kind == SpecialApproval.LongerVisit && a.IsCompleteFor(policy.ExtraVisitApprovalChain));
        return new Judgement(
            verdict.Result,
            verdict.BlockedDays,
            MonthlyQuotaRule.Used(policy, ledger, request.Month),
            MonthlyQuotaRule.Allowance(policy, state),
            EligibilityEngine.VisitMinutes(policy, state, longer));
    }

    /// <summary>The prison's bars of each visitor, by visitor key (docs/data-minimisation.md).</summary>
    public async Task<Dictionary<string, List<VisitorBar>>> BarsAsync(string prisonId, IEnumerable<string> visitorKeys, CancellationToken ct)
    {
        // Whole rows, not a projection: the reason is sealed, opened only when a row is loaded.
        var bars = await db.BarsOf(prisonId, [.. visitorKeys]).AsNoTracking()
            .Select(b => new { Key = EF.Property<string>(b, PrisonApprovalDbContext.VisitorKeyOfBar), Row = b })
            .ToListAsync(ct);
        return bars.GroupBy(b => b.Key).ToDictionary(g => g.Key, g => g.Select(b => new VisitorBar(b.Row.From, b.Row.To, b.Row.Reason)).ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The inmate's area's video days of the month scheduling could still book (China time), and when there are none the
    /// next month that has some. An area the reference data does not know has none. A day on which the inmate's own booked
    /// video visits already reach the policy's limit (<see cref="VisitPolicy.VideoVisitsPerInmatePerDay"/>) is no day for
    /// another: scheduling would skip it too (its <c>SlotFinder</c>), so a month whose remaining days all hold this inmate's
    /// visits is refused here rather than ending in "no slot".
    /// </summary>
    private async Task<(IReadOnlyList<DateOnly> Days, VisitMonth? Next)> BookableDaysOfAsync(Inmate inmate, VisitRequest request, VisitPolicy policy, CancellationToken ct)
    {
        var area = calendars.Area(inmate.PrisonId, inmate.Area);
        if (area is null)
        {
            return ([], null);
        }

        var today = ChinaTime.Today(clock);
        var full = await FullDaysAsync(inmate, today, policy.VideoVisitsPerInmatePerDay, ct);
        return NoVisitDayLeft.Judge(request.Month, request.SubmittedOn, policy.AdvanceDays, today,
            m => calendars.VideoDays(area, m.Year, m.Month).Where(d => !full.Contains(d.Date)));
    }

    /// <summary>
    /// The days after today on which the inmate already has as many booked video visits as one day may hold: the
    /// ledger's booked entries carry the day scheduling confirmed (<c>VisitScheduledLedgerConsumer</c>) or, while the
    /// visit centre has not confirmed it yet, the day it proposed (<c>VisitProposedLedgerConsumer</c>) — a proposal
    /// holds its day in scheduling's slot finder as a confirmed visit does. So the prison judges by its own records and
    /// asks scheduling nothing.
    /// </summary>
    private async Task<HashSet<DateOnly>> FullDaysAsync(Inmate inmate, DateOnly today, int perDay, CancellationToken ct)
    {
        var booked = await db.QuotaEntries.AsNoTracking()
            .Where(e => e.InmateId == inmate.Id && e.Mode == CountedVisit.Video && e.Outcome == CountedVisit.Booked)
            .Select(e => e.Date ?? e.ProposedOn)
            .Where(day => day != null && day > today)
            .Select(day => day!.Value)
            .ToListAsync(ct);
        var days = booked.Distinct().ToList();
        return [.. days.Except(InmateDayLimit.DaysWithRoom(days, booked, perDay))];
    }

    private async Task<List<RuleFailure>> RelationMismatchesAsync(Inmate inmate, ApplicationDetails application, CancellationToken ct)
    {
        var registered = await RegisteredRelationsAsync(inmate.Id, application, ct);
        return [.. application.Visitors
            .Select((v, i) => (Visitor: v, Index: i))
            .Where(x => registered.TryGetValue(x.Visitor.VisitorKey, out var relation) && relation != x.Visitor.Relation)
            .Select(x => new RuleFailure(
                RelationMismatch,
                $"第{x.Index + 1}位会见人登记的亲属关系（{RelationNames.Of(registered[x.Visitor.VisitorKey])}）与本次申请（{RelationNames.Of(x.Visitor.Relation)}）不一致，请核实。",
                ""))];
    }

    /// <summary>The relation the relatives register holds for each of the application's visitors it knows, by visitor key.</summary>
    public Task<Dictionary<string, string>> RegisteredRelationsAsync(Guid inmateId, ApplicationDetails application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var keys = application.Visitors.Select(v => v.VisitorKey).ToList();
        return db.Relatives.AsNoTracking()
            .Where(r => r.InmateId == inmateId && keys.Contains(r.VisitorKey))
            .ToDictionaryAsync(r => r.VisitorKey, r => r.Relation, StringComparer.Ordinal, ct);
    }

    public const string RelationMismatch = Visitation.Rules.Reviewing.ReviewReasonCodes.RelationMismatch;

}

/// <summary>The engine's verdict, the month's days it closes, and the numbers an officer or clerk wants to see beside it.</summary>
public sealed record Judgement(EligibilityResult Result, IReadOnlyList<BlockedDay> BlockedDays, int QuotaUsed, int QuotaAllowed, int VisitMinutes);
