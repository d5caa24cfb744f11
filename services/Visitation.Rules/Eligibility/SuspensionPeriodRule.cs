using System.Globalization;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// Every status period that covers the visit day suspends the visit ([Y 九], [N§6], [NC§11]); each
/// is reported, since each must end before the visit can happen.
/// </summary>
/// <remarks>
/// Periods are whole days, both ends inclusive: a confinement "to 9 March" blocks 9 March and not
/// 10 March. Without a visit day, see <see cref="DateWindow"/>: any day of the month blocks.
/// </remarks>
public sealed class SuspensionPeriodRule : IEligibilityRule
{
    public IEnumerable<RuleFailure> Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var window = context.Window;
        foreach (var period in context.Inmate.Statuses.Where(p => p.Overlaps(window)))
            yield return new RuleFailure(
                RuleCodes.Suspended(period.Kind),
                $"{StatusKinds.Describe(period)}（{Span(period)}），暂停会见。",
                context.Policy.SourceOf(RuleCodes.SuspensionSourceKey(period.Kind)));
    }

    private static string Span(StatusPeriod period) => period.To is { } to
        ? $"{Day(period.From)}至{Day(to)}"
        : $"自{Day(period.From)}起";

    private static string Day(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
