using System.Globalization;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// An inmate transferred to another prison or released can no longer be visited here from the day
/// they left; the family applies to the new prison, or needs no visit at all.
/// </summary>
public sealed class InCustodyRule : IEligibilityRule
{
    public IEnumerable<RuleFailure> Check(EligibilityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Inmate.LeftPrison is not { } left || left.On > context.Window.To)
            yield break;
        var day = left.On.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        yield return left.Kind == Departure.Released
            ? new RuleFailure(RuleCodes.InmateReleased, $"该服刑人员已于{day}离开本监狱（刑满释放或其他原因），无需在本监狱会见。", "")
            : new RuleFailure(RuleCodes.InmateTransferred, $"该服刑人员已于{day}调往其他监狱，请向其现所在监狱申请会见。", "");
    }
}
