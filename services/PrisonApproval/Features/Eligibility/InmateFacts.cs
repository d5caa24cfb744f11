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
        return InmateRecords.LedgerOf(entries, approvals, month);
    }

    /// <summary>
    /// The records the rules judge these inmates by for these months and visitors, in a fixed number of
    /// queries (<see cref="InmateRecords"/>): a page of the queue reads them once, not once per task.
    /// </summary>
    public Task<InmateRecords> RecordsAsync(IReadOnlyCollection<Inmate> inmates, IReadOnlyCollection<VisitMonth> months, IReadOnlyCollection<string> visitorKeys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inmates);
        // A family's no-shows are theirs by visitor key: with no visitor asked about there are none to find.
        var noShows = visitorKeys.Count > 0 && inmates.Any(i => PolicyOf(i).NoShowSuspension is { Enabled: true });
        return InmateRecords.ReadAsync(db, inmates, months, ChinaTime.Today(clock), visitorKeys, noShows, ct);
    }

    /// <summary>The records these applications' judgements need: their inmates, their months, their visitors.</summary>
    public Task<InmateRecords> RecordsAsync(IReadOnlyCollection<(Inmate Inmate, ApplicationDetails Application)> judged, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(judged);
        return RecordsAsync(
            [.. judged.Select(j => j.Inmate)],
            [.. judged.Select(j => VisitMonth.Parse(j.Application.VisitMonth))],
            [.. judged.SelectMany(j => j.Application.Visitors.Select(v => v.VisitorKey))],
            ct);
    }

    /// <summary>
    /// Judges a submitted application (month only: the day is not fixed yet) with the rules that need
    /// the prison's knowledge, and against the relatives register: a registered visitor who now
    /// claims another relation is a refusal to look into ([N§6(一)]: false information).
    /// </summary>
    /// <remarks>On records already read (<see cref="RecordsAsync(IReadOnlyCollection{ValueTuple{Inmate, ApplicationDetails}}, CancellationToken)"/> or a page's).</remarks>
    public Judgement Judge(Inmate inmate, ApplicationDetails application, InmateRecords records, bool useExtraVisit, bool useLongerVisit)
    {
        var judgement = Judge(inmate, RequestOf(inmate, application, records, useExtraVisit), records, prisonRulesOnly: true, useLongerVisit);
        var mismatches = RelationMismatches(inmate, application, records);
        return mismatches.Count == 0
            ? judgement
            : judgement with { Result = EligibilityResult.From([.. mismatches, .. judgement.Result.Failures]) };
    }

    /// <summary>The submitted application as the rules engine reads it: its month (no day yet) and its visitors with their bars.</summary>
    public VisitRequest RequestOf(Inmate inmate, ApplicationDetails application, InmateRecords records, bool useExtraVisit)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(records);
        var visitors = application.Visitors
            .Select(v => new Visitor(v.Relation, v.Age, v.IsGuardianOfChildren, v.Documents, records.Bars(inmate.PrisonId, v.VisitorKey)))
            .ToList();
        var noShows = FamilyNoShows(inmate, [.. application.Visitors.Select(v => v.VisitorKey)], records);
        return new VisitRequest(VisitMonth.Parse(application.VisitMonth), null, application.SubmittedOn, visitors, useExtraVisit, noShows);
    }

    /// <summary>
    /// The family's no-shows with this inmate, for the no-show option (<see cref="NoShowSuspensionRule"/>):
    /// none where the prison's policy has the option off.
    /// </summary>
    public IReadOnlyList<DateOnly> FamilyNoShows(Inmate inmate, IReadOnlyCollection<string> visitorKeys, InmateRecords records)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        ArgumentNullException.ThrowIfNull(records);
        return PolicyOf(inmate).NoShowSuspension is { Enabled: true } ? records.FamilyNoShows(inmate.Id, visitorKeys) : [];
    }

    /// <summary>The rules on a request with its visitors' bars and no-shows already in it, on records already read.</summary>
    /// <param name="useLongerVisit">The officer gives this visit the month's longer-visit approval; without it the ordinary length stands.</param>
    public Judgement Judge(Inmate inmate, VisitRequest request, InmateRecords records, bool prisonRulesOnly, bool useLongerVisit)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(records);
        var policy = PolicyOf(inmate);
        var state = StateOf(inmate);
        var ledger = records.Ledger(inmate.Id, request.Month);
        var (days, next) = BookableDaysOf(inmate, request, policy, records);
        var verdict = VisitDaysJudgement.Evaluate(policy, state, ledger, request, days, next, prisonRulesOnly);
        var longer = useLongerVisit && ledger.Approvals.Any(a => a.Kind == SpecialApproval.LongerVisit && a.IsCompleteFor(policy.ExtraVisitApprovalChain));
        return new Judgement(
            verdict.Result,
            verdict.BlockedDays,
            MonthlyQuotaRule.Used(policy, ledger, request.Month),
            MonthlyQuotaRule.Allowance(policy, state),
            EligibilityEngine.VisitMinutes(policy, state, longer));
    }

    /// <summary>
    /// The inmate's area's video days of the month scheduling could still book (China time), and when there are none the
    /// next month that has some. An area the reference data does not know has none. A day on which the inmate's own booked
    /// video visits already reach the policy's limit (<see cref="VisitPolicy.VideoVisitsPerInmatePerDay"/>) is no day for
    /// another: scheduling would skip it too (its <c>SlotFinder</c>), so a month whose remaining days all hold this inmate's
    /// visits is refused here rather than ending in "no slot".
    /// </summary>
    private (IReadOnlyList<DateOnly> Days, VisitMonth? Next) BookableDaysOf(Inmate inmate, VisitRequest request, VisitPolicy policy, InmateRecords records)
    {
        var area = calendars.Area(inmate.PrisonId, inmate.Area);
        if (area is null)
        {
            return ([], null);
        }

        var today = ChinaTime.Today(clock);
        var full = FullDays(records.BookedVideoDays(inmate.Id, today), policy.VideoVisitsPerInmatePerDay);
        return NoVisitDayLeft.Judge(request.Month, request.SubmittedOn, policy.AdvanceDays, today,
            m => calendars.VideoDays(area, m.Year, m.Month).Where(d => !full.Contains(d.Date)));
    }

    /// <summary>
    /// The days on which the inmate already has as many booked video visits as one day may hold: the ledger's booked
    /// entries carry the day scheduling confirmed (<c>VisitScheduledLedgerConsumer</c>) or, while the visit centre has not
    /// confirmed it yet, the day it proposed (<c>VisitProposedLedgerConsumer</c>) — a proposal holds its day in scheduling's
    /// slot finder as a confirmed visit does. So the prison judges by its own records and asks scheduling nothing.
    /// </summary>
    private static HashSet<DateOnly> FullDays(IReadOnlyList<DateOnly> booked, int perDay)
    {
        var days = booked.Distinct().ToList();
        return [.. days.Except(InmateDayLimit.DaysWithRoom(days, booked, perDay))];
    }

    private static List<RuleFailure> RelationMismatches(Inmate inmate, ApplicationDetails application, InmateRecords records)
    {
        var registered = records.RegisteredRelations(inmate.Id, application.Visitors.Select(v => v.VisitorKey));
        return [.. application.Visitors
            .Select((v, i) => (Visitor: v, Index: i))
            .Where(x => registered.TryGetValue(x.Visitor.VisitorKey, out var relation) && relation != x.Visitor.Relation)
            .Select(x => new RuleFailure(
                RelationMismatch,
                $"第{x.Index + 1}位会见人登记的亲属关系（{RelationNames.Of(registered[x.Visitor.VisitorKey])}）与本次申请（{RelationNames.Of(x.Visitor.Relation)}）不一致，请核实。",
                ""))];
    }

    public const string RelationMismatch = Visitation.Rules.Reviewing.ReviewReasonCodes.RelationMismatch;

}

/// <summary>The engine's verdict, the month's days it closes, and the numbers an officer or clerk wants to see beside it.</summary>
public sealed record Judgement(EligibilityResult Result, IReadOnlyList<BlockedDay> BlockedDays, int QuotaUsed, int QuotaAllowed, int VisitMinutes);
