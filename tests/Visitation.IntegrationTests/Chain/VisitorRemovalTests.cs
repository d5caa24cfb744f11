using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Security;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// Refusing one visitor while approving the visit (docs/visitor-refusal-and-no-shows.md) through the real
/// services: the officer removes a visitor with a coded reason, the rules judge the others, scheduling
/// books only them, the relatives register confirms only them, and the family's SMS says who cannot come
/// by position and relation — never by name.
/// </summary>
public sealed class VisitorRemovalTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task ABarredBrotherRemovedTheMotherAndSonAreApprovedBookedAndRegisteredAndTheFamilyIsToldWhoCannotCome()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "部分准见" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
        var request = family.Application(inmate);
        request.Visitors.Add(family.Adult("王建国", Relation.Brother));
        request.Visitors.Add(family.Adult("王建民", Relation.Son));
        await _chain.Officer.BarVisitorAsync(new BarVisitorRequest { IdNumber = request.Visitors[1].IdNumber, From = AccessRecords.Day(system.Clock.ChinaToday), Reason = "会见中传递违禁信息" });
        var id = await _chain.DriveToPrisonTaskAsync(request);
        // With the brother on it, the rules would refuse the whole application.
        Assert.False(Assert.Single(await _chain.Officer.AllPendingApprovalsAsync(), t => t.ApplicationId == id).RulesPass);

        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest
        {
            ApplicationId = id,
            RemoveVisitors = { new VisitorRemoval { VisitorIndex = 1, Reason = VisitorRemovalReason.Barred } },
        });

        Assert.True(decision.Approved);
        var removed = Assert.Single(decision.RemovedVisitors);
        Assert.Equal((1, "VISITOR_BARRED", "第2位会见人（兄弟）不予会见：目前不得参加会见。"), (removed.VisitorIndex, removed.ReasonCode, removed.Reason));
        var repeated = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
        Assert.Equal(decision.DecidedAt, repeated.DecidedAt);
        Assert.Equal("VISITOR_BARRED", Assert.Single(repeated.RemovedVisitors).ReasonCode);

        // Scheduling books, and the venue's door checks in, the mother and the son only.
        var proposal = await _chain.WaitForProposalAsync(id);
        Assert.Equal(["王秀英", "王建民"], proposal.Visitors.Select(v => v.Name));

        // The relatives register confirms the two who were approved, not the brother.
        var registered = await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber, Month = request.VisitMonth });
        Assert.Equal(["王建民", "王秀英"], registered.Relatives.Select(r => r.Name).Order(StringComparer.Ordinal));

        // The family hears who cannot come, by position and relation, and the neutral sentence for a bar.
        var sms = await Eventually.Until(() => system.SmsTo(family.Phone), all => all.Count == 2, $"the removal SMS to {family.Phone}");
        Assert.Contains("第2位会见人（兄弟）不能参加本次会见。原因：不符合会见条件。", sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("建国", sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("违禁", sms[1].Text, StringComparison.Ordinal);

        // The clerk reads it on the application's timeline; the audit records it by position and code.
        var application = await Eventually.Until(() => _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }).ResponseAsync,
            a => a.Timeline.Any(t => t.Event == TimelineEvent.VisitorsRemoved), $"{id}'s removal on its timeline");
        Assert.Equal("第2位会见人（兄弟）不予会见：目前不得参加会见。", application.Timeline.Single(t => t.Event == TimelineEvent.VisitorsRemoved).Detail);
        var audited = await AuditRows.SingleAsync(system, "prison_approval", "ApprovalApproved", id, AuditedActor.Officer);
        Assert.Equal("approved_without:1=visitor_barred", audited.Outcome);
    }

    [Fact]
    public async Task RemovingTheOnlyAdultOrAVisitorNotOnTheApplicationIsRefusedAndNothingIsDecided()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "全部移除" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
        var id = await _chain.DriveToPrisonTaskAsync(family.Application(inmate));

        var onlyAdult = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest
        {
            ApplicationId = id,
            RemoveVisitors = { new VisitorRemoval { VisitorIndex = 0, Reason = VisitorRemovalReason.DocumentsMissing } },
        }));
        var notOnIt = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest
        {
            ApplicationId = id,
            RemoveVisitors = { new VisitorRemoval { VisitorIndex = 3, Reason = VisitorRemovalReason.DocumentsMissing }, new VisitorRemoval { VisitorIndex = 0 } },
        }));

        Assert.Equal(StatusCode.InvalidArgument, onlyAdult.StatusCode);
        Assert.Equal(["remove_visitors"], Fields(onlyAdult));
        // The visit centre's own button to refuse the application is 不予批准.
        Assert.Equal("至少须保留一名成年会见人；全部不予会见请选择“不予批准”", Violations(onlyAdult).Single().Description);
        Assert.Contains("不予会见的会见人", onlyAdult.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(["remove_visitors[0].visitor_index", "remove_visitors[1].reason"], Fields(notOnIt));
        Assert.Contains(await _chain.Officer.AllPendingApprovalsAsync(), t => t.ApplicationId == id);
        Assert.Empty(await AuditRows.OfAsync(system.Databases["prison_approval"], "ApprovalApproved", id));
    }

    private static string[] Fields(RpcException error) => [.. Violations(error).Select(v => v.Field)];

    private static Google.Protobuf.Collections.RepeatedField<BadRequest.Types.FieldViolation> Violations(RpcException error) =>
        error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
}
