using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>A visit day the request may not take, with the first rule that closes it.</summary>
public sealed record BlockedDay(DateOnly Date, RuleFailure Failure);

/// <summary>The verdict on a month's application, and the days of that month it must stay off.</summary>
public sealed record MonthVerdict(EligibilityResult Result, IReadOnlyList<BlockedDay> BlockedDays);

/// <summary>
/// Judges an application for a month before its day is fixed. A suspension or bar that covers only
/// part of the month does not refuse it when one of the inmate's visit days stays open: the
/// application is approved for the open days, and the closed ones go to scheduling to avoid. Only
/// when every candidate day is closed (or the month itself is, e.g. by the quota) is it refused,
/// with the month's reasons. RULES.md §5: the days inside a suspension cannot be booked — not the
/// whole month around them (a one-month penalty must not cost two months of visits). A month with no
/// visit day left at all is refused first (<see cref="NoVisitDayLeft"/>): approving it would only end
/// in "no slot" after the family has waited.
/// </summary>
public static class VisitDaysJudgement
{
    /// <param name="visitDays">The open video-visit days of the inmate's area in the month that can still be booked (<see cref="Calendars.BookableDays"/>).</param>
    /// <param name="nextMonthWithDays">The first later month that has such days, named when this one has none.</param>
    /// <param name="prisonRulesOnly">Leave out the counter's checks (see <see cref="EligibilityEngine.EvaluatePrisonRules"/>).</param>
    public static MonthVerdict Evaluate(
        VisitPolicy policy, InmateState inmate, QuotaLedger ledger, VisitRequest monthRequest, IReadOnlyList<DateOnly> visitDays, VisitMonth? nextMonthWithDays, bool prisonRulesOnly)
    {
        ArgumentNullException.ThrowIfNull(monthRequest);
        ArgumentNullException.ThrowIfNull(visitDays);
        var month = Judge(policy, inmate, ledger, monthRequest, prisonRulesOnly);
        if (monthRequest.VisitDate is null && !visitDays.Any(monthRequest.Month.Contains))
            return new MonthVerdict(EligibilityResult.From([NoVisitDayLeft.Failure(policy, monthRequest.Month, nextMonthWithDays), .. month.Failures]), []);
        if (month.Eligible)
            return new MonthVerdict(month, []);
        var byDay = visitDays
            .Where(monthRequest.Month.Contains)
            .Select(day => (Day: day, Result: Judge(policy, inmate, ledger, monthRequest with { VisitDate = day }, prisonRulesOnly)))
            .ToList();
        if (!byDay.Any(d => d.Result.Eligible))
            return new MonthVerdict(month, []);
        return new MonthVerdict(
            EligibilityResult.From([]),
            [.. byDay.Where(d => !d.Result.Eligible).Select(d => new BlockedDay(d.Day, d.Result.Failures[0]))]);
    }

    private static EligibilityResult Judge(VisitPolicy policy, InmateState inmate, QuotaLedger ledger, VisitRequest request, bool prisonRulesOnly) =>
        prisonRulesOnly
            ? EligibilityEngine.EvaluatePrisonRules(policy, inmate, ledger, request)
            : EligibilityEngine.Evaluate(policy, inmate, ledger, request);
}
