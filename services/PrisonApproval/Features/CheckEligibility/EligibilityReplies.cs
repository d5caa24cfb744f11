using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.Eligibility;
using Visitation.Workflow.Reviewing;

namespace Visitation.PrisonApproval.Features.CheckEligibility;

/// <summary>
/// The counter's answer on the wire. Each outcome's reply is built from the answer alone — no
/// echo of the question, no time, no inmate — so the neutral reply is the same bytes for every
/// inmate, known or not (docs/eligibility-check.md).
/// </summary>
public static class EligibilityReplies
{
    public static EligibilityReply Of(CounterAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Outcome switch
        {
            CounterOutcome.Eligible => new EligibilityReply { Outcome = EligibilityOutcome.Eligible },
            CounterOutcome.VisitorsIneligible => new EligibilityReply
            {
                Outcome = EligibilityOutcome.VisitorsIneligible,
                Failures = { answer.VisitorFailures.Select(Decisions.ToView) },
            },
            _ => new EligibilityReply { Outcome = EligibilityOutcome.ContactPrison, Message = CounterAnswer.ContactPrisonMessage },
        };
    }
}
