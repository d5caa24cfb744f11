using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// Runs every rule and returns every failure. The rules live in their own classes; this only
/// lists them, so adding a rule is adding a class and a line here.
/// </summary>
public static class EligibilityEngine
{
    public static IReadOnlyList<IEligibilityRule> Rules { get; } =
    [
        .. ClerkChecks.Rules,
        new InCustodyRule(),
        new RestrictedRelationRule(),
        new ManagementLevelRule(),
        new SuspensionPeriodRule(),
        new MonthlyQuotaRule(),
        new VisitorBarredRule(),
        new AdvanceNoticeRule(),
        new NoShowSuspensionRule(),
    ];

    public static EligibilityResult Evaluate(VisitPolicy policy, InmateState inmate, QuotaLedger ledger, VisitRequest request) =>
        Evaluate(policy, inmate, ledger, request, Rules);

    /// <summary>
    /// Only the rules that need the prison's knowledge: what the prison runs on an application the
    /// office has already checked and submitted. Re-running the clerk's checks there would judge the
    /// counter's work again with data recorded under older document codes.
    /// </summary>
    public static EligibilityResult EvaluatePrisonRules(VisitPolicy policy, InmateState inmate, QuotaLedger ledger, VisitRequest request) =>
        Evaluate(policy, inmate, ledger, request, PrisonRules);

    public static IReadOnlyList<IEligibilityRule> PrisonRules { get; } = [.. Rules.Where(rule => rule is not IClerkRule)];

    private static EligibilityResult Evaluate(VisitPolicy policy, InmateState inmate, QuotaLedger ledger, VisitRequest request, IReadOnlyList<IEligibilityRule> rules)
    {
        var context = new EligibilityContext(policy, inmate, ledger, request);
        return EligibilityResult.From(rules.SelectMany(rule => rule.Check(context)));
    }

    /// <summary>
    /// How long the visit may last ([Y 四1], [N§5]): the juvenile length where the province has one,
    /// the approved longer length when a longer-visit approval applies and the policy sets one.
    /// </summary>
    public static int VisitMinutes(VisitPolicy policy, InmateState inmate, bool hasLongerVisitApproval)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(inmate);
        var ordinary = inmate.IsJuvenile && policy.JuvenileVisitMinutes is { } juvenile ? juvenile : policy.VisitMinutes;
        // An approval lengthens, never shortens: a juvenile's 40 minutes stay if the configured longer length is less.
        return hasLongerVisitApproval && policy.LongerVisitMinutes is { } longer ? Math.Max(ordinary, longer) : ordinary;
    }
}
