namespace Visitation.Rules.Eligibility;

/// <summary>One rule of RULES.md; yields a failure for each way the request breaks it (none when it holds).</summary>
public interface IEligibilityRule
{
    IEnumerable<RuleFailure> Check(EligibilityContext context);
}
