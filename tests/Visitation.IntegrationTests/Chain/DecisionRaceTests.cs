using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Chain;

/// <summary>Two reviewers decide the same application at the same moment, one approving, one rejecting.</summary>
public sealed class DecisionRaceTests(VisitationSystem system)
{
    private const int Applications = 6;

    [Fact]
    public async Task OnlyOneOfTwoRacingDecisionsIsRecordedAndAnnounced()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var chain = new ChainDriver(system);
        var otherReviewer = system.BureauReview(VisitationSystem.Token(Roles.Reviewer, Orgs.County, "reviewer-qian"));
        var families = Enumerable.Range(0, Applications).Select(_ => new Family(system.Clock)).ToArray();
        var ids = new List<string>();
        foreach (var family in families)
        {
            var id = await chain.SubmitAsync(family.Application("竞态" + family.Phone[^4..]));
            await chain.WaitForBureauTaskAsync(id);
            ids.Add(id);
        }

        var results = await Task.WhenAll(ids.Select(async id =>
        {
            var approve = Outcome(chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id }).ResponseAsync);
            var reject = Outcome(otherReviewer.RejectApplicationAsync(new RejectReviewRequest { ApplicationId = id, ReasonCode = "OTHER", Reason = "材料存疑" }).ResponseAsync);
            return (Id: id, Approved: await approve, Rejected: await reject);
        }));

        foreach (var (id, approved, rejected) in results)
        {
            Assert.True(approved ^ rejected, $"{id}: approve {approved}, reject {rejected}");
            var application = await chain.WaitForOutcomeAsync(id, approved ? ApplicationStatus.BureauApproved : ApplicationStatus.BureauRejected, smsCount: approved ? 1 : 2);
            Assert.Equal(1, application.Timeline.Count(t => t.Event is TimelineEvent.BureauApproved or TimelineEvent.BureauRejected));
        }
    }

    /// <summary>True when the decision was recorded; false when the other one won (ABORTED or FAILED_PRECONDITION).</summary>
    private static async Task<bool> Outcome(Task call)
    {
        try
        {
            await call;
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Aborted or StatusCode.FailedPrecondition)
        {
            return false;
        }
    }
}
