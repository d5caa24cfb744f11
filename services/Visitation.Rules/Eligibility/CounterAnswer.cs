namespace Visitation.Rules.Eligibility;

/// <summary>
/// The answer to the counter's question — may this family, in front of me, apply? — reduced to what
/// the office may know (PIPL arts. 34–35: a clerk learns whether a family may apply, not why an
/// inmate is suspended). Only failures of <see cref="ClerkChecks"/> are named: those rules read the
/// request and the province's policy and, by their signature (<see cref="IClerkRule"/>), nothing of
/// the inmate, so naming them tells nothing the family did not bring. Every other reason — the
/// inmate's level, statuses, custody, crime category, quota, a visitor's bar at the prison — and an
/// inmate not found are the one <see cref="ContactPrison"/> answer, identical whatever lies behind it.
/// </summary>
public sealed record CounterAnswer
{
    /// <summary>The neutral answer's text: where the family learns the rest, from the people entitled to tell it.</summary>
    public const string ContactPrisonMessage = "请联系监狱会见中心";

    private CounterAnswer(CounterOutcome outcome, IReadOnlyList<RuleFailure> visitorFailures)
    {
        Outcome = outcome;
        VisitorFailures = visitorFailures;
    }

    public CounterOutcome Outcome { get; }

    /// <summary>Every visitor-side rule broken; empty unless <see cref="CounterOutcome.VisitorsIneligible"/>.</summary>
    public IReadOnlyList<RuleFailure> VisitorFailures { get; }

    public static CounterAnswer Eligible { get; } = new(CounterOutcome.Eligible, []);

    public static CounterAnswer ContactPrison { get; } = new(CounterOutcome.ContactPrison, []);

    /// <summary>
    /// The answer the visitors alone already give, before anyone looks the inmate up, or null when they
    /// pass and the prison's records decide. Asked first, so the visitor-side answer is the same for a
    /// known inmate and an unknown one.
    /// </summary>
    public static CounterAnswer? FromVisitorChecks(EligibilityResult clerkChecks)
    {
        ArgumentNullException.ThrowIfNull(clerkChecks);
        return clerkChecks.Eligible ? null : new CounterAnswer(CounterOutcome.VisitorsIneligible, clerkChecks.Failures);
    }

    /// <summary>
    /// The prison's rules whose failure is the family's own doing, named to the counter like the visitors'
    /// checks: a no-show suspension (the family knows it missed the visits, and the text says nothing of the
    /// inmate). Any other failure beside it is still not named.
    /// </summary>
    public static IReadOnlySet<string> FamilyConductCodes { get; } = new HashSet<string>(StringComparer.Ordinal) { RuleCodes.NoShowSuspension };

    /// <param name="prisonRules">The prison's rules on the matched inmate; null when the register has no inmate of that number and name.</param>
    public static CounterAnswer FromPrisonRules(EligibilityResult? prisonRules)
    {
        if (prisonRules is { Eligible: true })
            return Eligible;
        var familyConduct = prisonRules?.Failures.Where(f => FamilyConductCodes.Contains(f.Code)).ToList() ?? [];
        return familyConduct.Count > 0 ? new CounterAnswer(CounterOutcome.VisitorsIneligible, familyConduct) : ContactPrison;
    }
}
