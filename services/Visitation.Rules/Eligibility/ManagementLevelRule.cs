namespace Visitation.Rules.Eligibility;

/// <summary>Visits are suspended while the inmate is at a suspended level, i.e. strict ([Y 九1], [N§6(三)]).</summary>
/// <remarks>
/// The level is the inmate's current one: unlike status periods it carries no dates here, so it is
/// checked as it stands when the request is evaluated (and again when the prison confirms).
/// </remarks>
public sealed class ManagementLevelRule : IEligibilityRule
{
    public IEnumerable<RuleFailure> Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Policy.SuspendedLevels.Contains(context.Inmate.ManagementLevel))
            yield return new RuleFailure(
                RuleCodes.ManagementLevelSuspended,
                $"罪犯处遇为{LevelName(context.Inmate.ManagementLevel)}，暂停会见。",
                context.Policy.SourceOf(RuleCodes.ManagementLevelSuspended));
    }

    /// <summary>The level's Chinese name; the policy decides which levels suspend, so any may appear.</summary>
    private static string LevelName(string level) => level switch
    {
        "lenient" => "宽管级",
        "normal" => "普管级",
        "assessment" => "考核级",
        "strict" => "严管级",
        _ => "受限处遇级别",
    };
}
