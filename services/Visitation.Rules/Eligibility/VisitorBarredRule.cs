using System.Globalization;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// A visitor personally barred (e.g. after breaking the rules during a visit, [Y 八1], [NC§8]) may
/// not come, even if the inmate could otherwise be visited. Same day semantics as the inmate's periods.
/// </summary>
public sealed class VisitorBarredRule : IEligibilityRule
{
    public IEnumerable<RuleFailure> Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var window = context.Window;
        var visitors = context.Request.Visitors;
        for (var i = 0; i < visitors.Count; i++)
        {
            foreach (var bar in visitors[i].Bars.Where(b => b.Overlaps(window)))
                yield return new RuleFailure(
                    RuleCodes.VisitorBarred,
                    $"{RelationNames.Describe(i, visitors[i])}{Until(bar)}不得参加会见：{bar.Reason}。",
                    context.Policy.SourceOf(RuleCodes.VisitorBarred));
        }
    }

    private static string Until(VisitorBar bar) => bar.To is { } to
        ? $"在{to.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}前"
        : "目前";
}
