using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// The county reviewer refuses one visitor while approving the application for the others, as the visit centre may
/// (docs/visitor-refusal-and-no-shows.md), through the real services: the prison sees, judges and books only the others,
/// the family's SMS and the clerk's timeline say who cannot come by position on the application and relation, and a
/// visitor the prison removes afterwards is still named by their position on the application as filed.
/// </summary>
public sealed class BureauVisitorRemovalTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task TheBureauRemovesTheBrotherThePrisonSeesTheOthersAndTheSonItRemovesIsStillNamedThird()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "复审移除" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
        var request = family.Application(inmate);
        request.Visitors.Add(family.Adult("王建国", Relation.Brother));
        request.Visitors.Add(family.Adult("王建民", Relation.Son));
        var id = await _chain.SubmitAsync(request);
        await _chain.WaitForBureauTaskAsync(id);

        var bureau = await _chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest
        {
            ApplicationId = id,
            RemoveVisitors = { new VisitorRemoval { VisitorIndex = 1, Reason = VisitorRemovalReason.DocumentsMissing } },
        });
        var repeated = await _chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id });

        Assert.True(bureau.Approved);
        var removed = Assert.Single(bureau.RemovedVisitors);
        Assert.Equal((1, "VISITOR_DOCUMENTS_MISSING", "第2位会见人（兄弟）不予会见：身份或关系证明材料不全。"), (removed.VisitorIndex, removed.ReasonCode, removed.Reason));
        Assert.Equal(bureau.DecidedAt, repeated.DecidedAt);
        Assert.Equal("VISITOR_DOCUMENTS_MISSING", Assert.Single(repeated.RemovedVisitors).ReasonCode);
        var audited = await AuditRows.SingleAsync(system, "bureau_review", "ReviewApproved", id, AuditedActor.Reviewer);
        Assert.Equal("approved_without:1=visitor_documents_missing", audited.Outcome);

        // The prison's task holds the mother and the son only; the family hears that the brother cannot come.
        await _chain.WaitForPrisonTaskAsync(id);
        var task = Assert.Single(await _chain.Officer.AllPendingApprovalsAsync(), t => t.ApplicationId == id);
        Assert.Equal([("王秀英", 0), ("王建民", 2)], task.Visitors.Select(v => (v.Name, v.Position)));
        var atReview = await Eventually.Until(() => system.SmsTo(family.Phone), all => all.Count == 2, $"the bureau's removal SMS to {family.Phone}");
        Assert.Contains("已通过县司法局复审，但第2位会见人（兄弟）不能参加本次会见。原因：申请信息或证明材料不符合要求。", atReview[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("建国", atReview[1].Text, StringComparison.Ordinal);

        // The son is second on the prison's list, and third on the application: he is named third.
        var prison = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest
        {
            ApplicationId = id,
            RemoveVisitors = { new VisitorRemoval { VisitorIndex = 1, Reason = VisitorRemovalReason.IdentityUnverified } },
        });

        Assert.True(prison.Approved, prison.Reason);
        Assert.Equal((2, "第3位会见人（儿子）不予会见：身份未能核实。"), (Assert.Single(prison.RemovedVisitors).VisitorIndex, prison.RemovedVisitors[0].Reason));
        var proposal = await _chain.WaitForProposalAsync(id);
        Assert.Equal(["王秀英"], proposal.Visitors.Select(v => v.Name));
        var registered = await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber, Month = request.VisitMonth });
        Assert.Equal(["王秀英"], registered.Relatives.Select(r => r.Name));
        var atPrison = await Eventually.Until(() => system.SmsTo(family.Phone), all => all.Count == 3, $"the prison's removal SMS to {family.Phone}");
        Assert.Contains("已获批准，但第3位会见人（儿子）不能参加本次会见。", atPrison[2].Text, StringComparison.Ordinal);

        // The clerk reads both removals on the timeline, each at its stage.
        var application = await Eventually.Until(() => _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }).ResponseAsync,
            a => a.Timeline.Count(t => t.Event == TimelineEvent.VisitorsRemoved) == 2, $"{id}'s two removals on its timeline");
        Assert.Equal(
            [(TimelineStage.BureauReview, "第2位会见人（兄弟）不予会见：身份或关系证明材料不全。"), (TimelineStage.PrisonApproval, "第3位会见人（儿子）不予会见：身份未能核实。")],
            application.Timeline.Where(t => t.Event == TimelineEvent.VisitorsRemoved).OrderBy(t => t.At).Select(t => (t.Stage, t.Detail)));
        // And the visitor list says who will not come: the brother (bureau) and the son (prison).
        Assert.Equal([("王秀英", false), ("王建国", true), ("王建民", true)], application.Visitors.Select(v => (v.Name, v.RemovedFromVisit)));
    }

    [Fact]
    public async Task RemovingTheOnlyAdultAtTheBureauIsRefusedAndNothingIsDecided()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var id = await _chain.SubmitAsync(family.Application("复审全移除" + family.Phone[^4..]));
        await _chain.WaitForBureauTaskAsync(id);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest
        {
            ApplicationId = id,
            RemoveVisitors = { new VisitorRemoval { VisitorIndex = 0, Reason = VisitorRemovalReason.IdentityUnverified } },
        }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("remove_visitors", violation.Field);
        // The bureau's page refuses with 不同意, not the prison's 不予批准.
        Assert.Equal("至少须保留一名成年会见人；全部不予会见请选择“不同意”", violation.Description);
        Assert.Contains(await _chain.Reviewer.AllPendingReviewsAsync(), t => t.ApplicationId == id);
        Assert.Empty(await AuditRows.OfAsync(system.Databases["bureau_review"], "ReviewApproved", id));
    }
}
