using Visitation.Rules.Reviewing;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Workflow.Reviewing;

/// <summary>Where a reviewer's decision meets the state machine at the API's edge.</summary>
public static class ReviewDecisionGate
{
    /// <summary>
    /// True when <paramref name="decision"/> is already recorded (answer with it, change nothing);
    /// false when it may be recorded now; FAILED_PRECONDITION with the stage's words when it may not.
    /// </summary>
    public static bool IsRepeatOf(this ReviewItem item, ReviewStatus decision)
    {
        ArgumentNullException.ThrowIfNull(item);
        var transition = item.Attempt(decision);
        return transition.Kind switch
        {
            ReviewTransitionKind.Refused => throw GrpcErrors.FailedPrecondition(transition.Refusal!),
            ReviewTransitionKind.Repeat => true,
            _ => false,
        };
    }
}
