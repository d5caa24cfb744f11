using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// One visit a month, video and on-site together ([Y 三1], [Y 九3], [N§5]); more for lenient-level
/// inmates in Shanxi and juvenile inmates in Ningxia; more still with a complete extra-visit approval.
/// </summary>
/// <remarks>
/// The strict level keeps its ordinary number here: its suspension is <see cref="ManagementLevelRule"/>'s
/// reason, and a quota of zero would report "quota used" to a family that has not visited at all.
/// </remarks>
public sealed class MonthlyQuotaRule : IEligibilityRule
{
    public IEnumerable<RuleFailure> Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (policy, request) = (context.Policy, context.Request);
        var used = Used(policy, context.Ledger, request.Month);
        var allowed = Allowed(policy, context.Inmate, context.Ledger, request.Month, request.UsesSpecialApproval);
        if (used >= allowed)
            yield return new RuleFailure(
                RuleCodes.MonthlyQuotaUsed,
                $"罪犯本月会见次数已用完（本月{Tally(policy, context.Ledger, request.Month)}，可会见{allowed}次），暂停会见。",
                policy.SourceOf(RuleCodes.MonthlyQuotaUsed));
    }

    /// <summary>
    /// What uses the month's quota, told apart: a visit only booked has not been held yet, and the officer
    /// reading "已会见" of it would tell the family something untrue ("已会见1次、已安排1次、预约未到1次").
    /// </summary>
    public static string Tally(VisitPolicy policy, QuotaLedger ledger, VisitMonth month)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(month);
        var counted = ledger.Visits.Where(v => month.Contains(v.Date) && Counts(policy, v)).ToList();
        var parts = new (string Outcome, string Words)[] { (CountedVisit.Held, "已会见"), (CountedVisit.Booked, "已安排"), (CountedVisit.NoShow, "预约未到") }
            .Select(kind => (kind.Words, Count: counted.Count(v => v.Outcome == kind.Outcome)))
            .Where(kind => kind.Count > 0)
            .Select(kind => $"{kind.Words}{kind.Count}次")
            .ToList();
        return parts.Count > 0 ? string.Join("、", parts) : "已会见0次";
    }

    /// <summary>
    /// The month's ordinary quota. A juvenile gets the larger of their level's number and the
    /// juvenile number: the documents present the juvenile quota as a relaxation ("适当放宽").
    /// </summary>
    /// <exception cref="ArgumentException">The level is not in the policy: bad data, not a refusal.</exception>
    public static int Allowance(VisitPolicy policy, InmateState inmate)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(inmate);
        if (!policy.VisitsPerMonthByLevel.TryGetValue(inmate.ManagementLevel, out var byLevel))
            throw new ArgumentException($"Unknown management level '{inmate.ManagementLevel}'.", nameof(inmate));
        return inmate.IsJuvenile && policy.JuvenileVisitsPerMonth is { } juvenile ? Math.Max(byLevel, juvenile) : byLevel;
    }

    /// <summary>
    /// The most visits the month may hold for a visit that claims (<paramref name="usesSpecialApproval"/>) or does not
    /// claim the month's extra-visit approvals: the ordinary <see cref="Allowance"/>, plus one for each extra-visit
    /// approval of the month that every level of the policy's chain signed ([Y 四2], [N§5 ¶3]).
    /// </summary>
    public static int Allowed(VisitPolicy policy, InmateState inmate, QuotaLedger ledger, VisitMonth month, bool usesSpecialApproval)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(month);
        var ordinary = Allowance(policy, inmate);
        return usesSpecialApproval
            ? ordinary + ledger.Approvals.Count(a => a.Kind == SpecialApproval.ExtraVisit && a.Month == month && a.IsCompleteFor(policy.ExtraVisitApprovalChain))
            : ordinary;
    }

    /// <summary>Visits this month that use the quota, by the policy's reading of no-shows.</summary>
    public static int Used(VisitPolicy policy, QuotaLedger ledger, VisitMonth month)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(month);
        return ledger.Visits.Count(v => month.Contains(v.Date) && Counts(policy, v));
    }

    /// <summary>Booked and held visits count; a no-show counts when the policy says so; a prison cancellation never does [N§19].</summary>
    private static bool Counts(VisitPolicy policy, CountedVisit visit) => visit.Outcome switch
    {
        CountedVisit.Booked or CountedVisit.Held => true,
        CountedVisit.NoShow => policy.NoShowCountsAsVisit,
        _ => false,
    };
}
