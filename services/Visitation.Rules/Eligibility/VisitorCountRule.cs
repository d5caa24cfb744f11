using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// At most N visitors are counted; young children are not ([Y 四1]: under 14; [N§5]: under 12), their age
/// taken on the visit day (<see cref="VisitAges"/>).
/// </summary>
public sealed class VisitorCountRule : IClerkRule
{
    public IEnumerable<RuleFailure> Check(VisitPolicy policy, VisitRequest request)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);
        var window = DateWindow.Of(request);
        var counted = request.Visitors.Count(v => VisitAges.Counted(v, window, policy.ChildNotCountedUnderAge));
        if (counted > policy.MaxCountedVisitors)
            yield return new RuleFailure(
                RuleCodes.TooManyVisitors,
                $"每次会见人数不得超过{policy.MaxCountedVisitors}人（会见日不满{policy.ChildNotCountedUnderAge}周岁的儿童不计），" +
                $"本次申请{counted}人。",
                policy.SourceOf(RuleCodes.TooManyVisitors));
    }
}
