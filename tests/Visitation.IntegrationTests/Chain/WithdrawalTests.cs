using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;

namespace Visitation.IntegrationTests.Chain;

/// <summary>A family withdraws; every stage stops, even one the withdrawal reaches before the approval it cancels.</summary>
public sealed class WithdrawalTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task WithdrawnApplicationLeavesTheBureauQueueAndCannotBeDecided()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var id = await _chain.SubmitAsync(new Family(system.Clock).Application("撤回甲"));
        await _chain.WaitForBureauTaskAsync(id);

        var withdrawn = await _chain.Clerk.WithdrawApplicationAsync(new WithdrawApplicationRequest { ApplicationId = id, Reason = "家中有事，改日再约" });
        var again = await _chain.Clerk.WithdrawApplicationAsync(new WithdrawApplicationRequest { ApplicationId = id, Reason = "家中有事，改日再约" });

        Assert.Equal(ApplicationStatus.Withdrawn, withdrawn.Status);
        Assert.Single(again.Timeline, t => t.Event == TimelineEvent.Withdrawn);
        await Eventually.Until(() => _chain.Reviewer.AllPendingReviewsAsync(), tasks => tasks.All(t => t.ApplicationId != id), "the review task to leave the queue");
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id }));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
    }

    [Fact]
    public async Task WithdrawalThatOvertakesTheBureauApprovalStopsThePrisonAndScheduling()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "撤回乙" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "1");
        var id = await _chain.SubmitAsync(family.Application(inmate, "1"));
        await _chain.WaitForBureauTaskAsync(id);

        // The bureau approves, but its event is held in the outbox (the test holds the dispatch lock)...
        await using (var held = await OutboxRows.HoldDispatchLockAsync(system.Databases["bureau_review"]))
        {
            await _chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id });
            // ...while the withdrawal travels on ahead and reaches the prison first.
            await _chain.Clerk.WithdrawApplicationAsync(new WithdrawApplicationRequest { ApplicationId = id, Reason = "服刑人员已调监" });
            await Eventually.Until(() => TombstonesAsync(system.Databases["prison_approval"], id), n => n == 1, "the prison to record the withdrawal");
        }

        // Now the late approval arrives: it is recorded in the timeline but changes nothing else.
        var application = await Eventually.Until(async () => await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }),
            a => a.Timeline.Any(t => t.Event == TimelineEvent.BureauApproved), "the late approval to reach the timeline");
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        await Eventually.Until(() => ApprovalStatusAsync(system.Databases["prison_approval"], id), s => s == "Withdrawn", "the prison to file the late approval as withdrawn");
        Assert.DoesNotContain(await _chain.Officer.AllPendingApprovalsAsync(), t => t.ApplicationId == id);
        Assert.DoesNotContain(await _chain.VisitCentre.AllProposalsAsync(), v => v.ApplicationId == id);
        // Only "received": no decision was sent to a withdrawn family. That SMS travels on its own, so
        // it is waited for; by then the late approval has been filed and could have sent no other.
        var sms = await Eventually.Until(() => system.SmsTo(family.Phone), texts => texts.Count >= 1, "the received SMS");
        Assert.Single(sms);
    }

    private static async Task<long> TombstonesAsync(string database, string id) =>
        (long)(await OutboxRows.QueryAsync(database, "SELECT count(*) FROM application_tombstones WHERE application_id = @id::uuid", ("id", id)))!;

    private static async Task<string?> ApprovalStatusAsync(string database, string id) =>
        (string?)await OutboxRows.QueryAsync(database, "SELECT status FROM approvals WHERE application_id = @id::uuid", ("id", id));
}
