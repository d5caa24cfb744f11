namespace Visitation.Rules.Eligibility;

/// <summary>
/// The outcome of checking a request: every rule it breaks, so the family learns all the reasons
/// at once instead of fixing one and being refused for the next.
/// </summary>
public sealed record EligibilityResult(bool Eligible, IReadOnlyList<RuleFailure> Failures)
{
    public static EligibilityResult From(IEnumerable<RuleFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        RuleFailure[] all = [.. failures];
        return new EligibilityResult(all.Length == 0, all);
    }

    public bool Has(string code) => Failures.Any(f => f.Code == code);
}
