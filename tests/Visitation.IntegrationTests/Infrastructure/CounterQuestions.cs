using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>The counter's CheckEligibility question for a family's submission, and the one neutral answer.</summary>
public static class CounterQuestions
{
    /// <summary>The reply for everything the office may not be told, inmates unknown included: always these bytes.</summary>
    public static EligibilityReply ContactPrison { get; } = new() { Outcome = EligibilityOutcome.ContactPrison, Message = "请联系监狱会见中心" };

    /// <summary>The question a clerk asks before submitting <paramref name="request"/>, naming the inmate by number and name.</summary>
    public static CheckEligibilityRequest For(SubmitApplicationRequest request, string inmateNumber, EligibilityPurpose purpose = EligibilityPurpose.CounterApplication)
    {
        var ask = new CheckEligibilityRequest
        {
            Inmate = new EligibilityInmate { PrisonId = request.Inmate.PrisonId, InmateNumber = inmateNumber, Name = request.Inmate.Name },
            VisitMonth = request.VisitMonth,
            Purpose = purpose,
        };
        ask.Visitors.AddRange(request.Visitors.Select(Visitor));
        return ask;
    }

    /// <summary>A visitor of a submission as the question carries them: identity, relation, documents, guardianship.</summary>
    public static EligibilityVisitor Visitor(VisitorInput input) =>
        new() { IdNumber = input.IdNumber, Relation = input.Relation, Documents = { input.Documents }, IsGuardian = input.IsGuardian };
}
