using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Rules.Sms;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Issue 3, fault test 6: a rejection that arrives before the application it rejects is known to
/// the notification and application services fails every retry and its delayed redelivery, and
/// ends in their _error queues,
/// while another application goes through the whole chain. Once the missing application arrives,
/// the error-queue command moves the chosen message back and the family gets its SMS, once.
/// </summary>
public sealed class PoisonMessageTests(VisitationSystem system) : FaultTest(system)
{
    [Fact]
    public async Task PoisonMessageEndsInErrorOthersKeepFlowingAndReplayDeliversItOnceFixed()
    {
        var chain = new ChainDriver(Services);
        var family = new Family(Services.Clock);
        var applicationId = Guid.NewGuid();
        var poisonId = Guid.NewGuid();
        await Services.PublishAsync(new BureauRejected(applicationId, Orgs.County, "DOCUMENTS_INCOMPLETE", "证件不全，请携带户口簿原件重新申请", "reviewer-zhao", Services.Clock.GetUtcNow()), poisonId);

        // 1 other application completes the chain while the poison is being retried.
        var other = new Family(Services.Clock);
        var (otherId, proposal) = await chain.DriveToProposalAsync(other, "正常流转" + other.Phone[^4..], area: "10");
        await chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await chain.WaitForOutcomeAsync(otherId, ApplicationStatus.Scheduled, smsCount: 2);

        var errors = Services.ErrorQueues;
        var smsQueue = await Eventually.Until(async () => (await errors.ListQueuesAsync()).FirstOrDefault(q => q.Name == "notification-bureau-rejected-sms_error" && q.Messages > 0),
            q => q is not null, "the poison message in the notification error queue", seconds: 60);
        var timelineQueue = await Eventually.Until(async () => (await errors.ListQueuesAsync()).FirstOrDefault(q => q.Name == "application-bureau-rejected-timeline_error" && q.Messages > 0),
            q => q is not null, "the poison message in the application error queue", seconds: 60);
        var faulted = Assert.Single(await errors.PeekAsync(smsQueue!.Name), m => m.MessageId == poisonId.ToString());
        Assert.Equal("Visitation.Contracts.Events:BureauRejected", faulted.MessageType);
        Assert.Contains("No recipient yet", faulted.FaultMessage, StringComparison.Ordinal);
        // Before _error it came back from the PostgreSQL-backed schedule: an event about an application
        // not known yet gets more chances than a plain fault (PrerequisiteRedeliveryLimit = 4 in tests).
        Assert.Equal(4, await OutboxRows.RedeliveriesSentAsync(Services.Databases["notification"], poisonId));
        Assert.Empty(await Services.SmsTo(family.Phone));

        // The fix: the application the rejection is about becomes known.
        await Services.PublishAsync(new ApplicationContactGiven(applicationId, family.Phone, Orgs.Office, Orgs.County, Orgs.Prison, Family.NextVisitMonth(Services.Clock), Services.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(() => Services.SmsTo(family.Phone), sms => sms.Count == 1, "the received SMS");

        var moved = await errors.ReplayAsync(smsQueue.Name, m => m.MessageId == poisonId.ToString());

        Assert.Equal(1, moved);
        var sms = await Eventually.Until(() => Services.SmsTo(family.Phone), s => s.Count == 2, "the rejection SMS after replay");
        Assert.Contains("原因：" + SmsReasons.ApplicationDetails, sms[1].Text, StringComparison.Ordinal);
        await Eventually.Until(async () => (await errors.ListQueuesAsync()).Single(q => q.Name == smsQueue.Name).Messages, n => n == 0, "the notification error queue to empty");
        // Not chosen, so not moved: the application service still has no such application.
        Assert.Contains(await errors.PeekAsync(timelineQueue!.Name), m => m.MessageId == poisonId.ToString());
        await Task.Delay(1000);
        Assert.Equal(2, (await Services.SmsTo(family.Phone)).Count);
    }
}
