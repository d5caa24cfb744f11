using System.Globalization;
using Grpc.Core;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;
using Visitation.Rules.Sms;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// Sending back for more material (退回补正, docs/send-back.md) through the real services: the stage
/// sends back with coded items and a staff note, the family's SMS names the items only, the clerk adds
/// the material and resubmits, and the stage that sent it back decides again with its clock resumed —
/// the days the application spent at the office not counted.
/// </summary>
public sealed class SendBackTests(VisitationSystem system)
{
    private const string Note = "户口簿复印件字迹不清，其兄亦在押";
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task SentBackByTheBureauTheFamilyIsToldWhatToBringAndTheResubmissionReturnsToTheBureauWithItsDeadlineResumed()
    {
        // Monday 2 February: the bureau's three working days end with Thursday 5 February.
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var id = await _chain.SubmitAsync(family.Application("退回补正" + family.Phone[^4..]));
        await _chain.WaitForBureauTaskAsync(id);
        Assert.Equal(At(2026, 2, 6), (await BureauTaskAsync(id)).DueBy.ToDateTimeOffset());

        var sentBack = await _chain.Reviewer.SendBackApplicationAsync(new SendBackReviewRequest
        {
            ApplicationId = id,
            Missing = { MissingMaterial.HouseholdRegister, MissingMaterial.RelationshipProof },
            Note = Note,
        });

        Assert.Equal((false, true, "MATERIAL_REQUESTED", Note), (sentBack.Approved, sentBack.SentBack, sentBack.ReasonCode, sentBack.Reason));
        // The office has five working days: until the end of Monday 9 February.
        Assert.Equal(At(2026, 2, 10), sentBack.ResubmitBy.ToDateTimeOffset());
        Assert.DoesNotContain(await _chain.Reviewer.AllPendingReviewsAsync(), t => t.ApplicationId == id);
        var again = await _chain.Reviewer.SendBackApplicationAsync(new SendBackReviewRequest { ApplicationId = id, Missing = { MissingMaterial.HouseholdRegister } });
        Assert.Equal(sentBack.DecidedAt, again.DecidedAt); // a repeat answers with the send-back on record
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id }));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);

        var waiting = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.SentBackByBureau, smsCount: 2);
        Assert.Equal(TimelineStage.BureauReview, waiting.SendBack.Stage);
        Assert.Equal([MissingMaterial.HouseholdRegister, MissingMaterial.RelationshipProof], waiting.SendBack.Missing);
        Assert.Equal(Note, waiting.SendBack.Note);
        Assert.Contains(Note, waiting.Timeline.Single(t => t.Event == TimelineEvent.SentBack).Detail, StringComparison.Ordinal);
        var sms = await system.SmsTo(family.Phone);
        Assert.Equal(2, sms.Count);
        Assert.Contains("需补充材料：户口簿、亲属关系证明。请于2026年2月9日前到", sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("字迹", sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("在押", sms[1].Text, StringComparison.Ordinal);

        // The family comes back on Friday 6 February — past the bureau's original deadline.
        system.Clock.StartAt(TestDates.At(2026, 2, 6, 10, 0));
        var resubmitted = await _chain.Clerk.ResubmitApplicationAsync(new ResubmitApplicationRequest
        {
            ApplicationId = id,
            RequestId = Guid.NewGuid().ToString(),
            Visitors = { new VisitorCorrection { VisitorIndex = 0, AddedDocuments = { DocumentKind.RelationshipCertificate } } },
            Note = "已补交户口簿原件及亲属关系证明",
        });

        Assert.Equal(ApplicationStatus.Submitted, resubmitted.Status);
        Assert.Null(resubmitted.SendBack);
        Assert.Contains(DocumentKind.RelationshipCertificate, resubmitted.Visitors[0].Documents);
        await _chain.WaitForBureauTaskAsync(id);
        var resumed = await BureauTaskAsync(id);
        // The three days it had left (3, 4, 5 February), counted from Monday 9 February: until Wednesday 11's end.
        Assert.Equal(At(2026, 2, 12), resumed.DueBy.ToDateTimeOffset());
        Assert.Contains(resumed.Visitors[0].Documents, d => d == DocumentKind.RelationshipCertificate);
        Assert.True((await _chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id })).Approved);
        var approved = await _chain.WaitForTimelineAsync(id,
            TimelineEvent.Submitted, TimelineEvent.SentBack, TimelineEvent.Resubmitted, TimelineEvent.BureauApproved);
        Assert.Equal(ApplicationStatus.BureauApproved, approved.Status);
        await _chain.WaitForPrisonTaskAsync(id);

        var audited = await AuditRows.SingleAsync(system, "bureau_review", "ReviewSentBack", id, AuditedActor.Reviewer);
        Assert.Equal(("MATERIAL_REQUESTED", "sent_back:household_register,relationship_proof"), (audited.ReasonCode, audited.Outcome));
        await AuditRows.SingleAsync(system, "application", "ApplicationResubmitted", id, AuditedActor.Clerk);
        await AuditRows.SingleEventuallyAsync(system, "bureau_review", "ReviewResumed", id, AuditedActor.System);
    }

    [Fact]
    public async Task SentBackByThePrisonTheCorrectedApplicationReturnsToThePrisonWithItsDeadlineResumedAndIsApproved()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "监狱退回" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
        var id = await _chain.DriveToPrisonTaskAsync(family.Application(inmate));

        var sentBack = await _chain.Officer.SendBackApplicationAsync(new PrisonSendBackRequest
        {
            ApplicationId = id,
            Missing = { MissingMaterial.VisitorDetails },
            Note = "会见人姓名与名册登记不一致",
        });

        Assert.True(sentBack.SentBack);
        Assert.DoesNotContain(await _chain.Officer.AllPendingApprovalsAsync(), t => t.ApplicationId == id);
        var waiting = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.SentBackByPrison, smsCount: 2);
        Assert.Equal(TimelineStage.PrisonApproval, waiting.SendBack.Stage);
        var sms = await system.SmsTo(family.Phone);
        Assert.Contains("需补充材料：会见人身份信息更正。", sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("名册", sms[1].Text, StringComparison.Ordinal);

        // Wednesday 4 February: the clerk corrects the visitor's name as the household register shows it.
        system.Clock.StartAt(TestDates.At(2026, 2, 4, 10, 0));
        await _chain.Clerk.ResubmitApplicationAsync(new ResubmitApplicationRequest
        {
            ApplicationId = id,
            RequestId = Guid.NewGuid().ToString(),
            Visitors = { new VisitorCorrection { VisitorIndex = 0, Name = "王秀瑛" } },
        });

        await _chain.WaitForPrisonTaskAsync(id);
        var resumed = Assert.Single(await _chain.Officer.AllPendingApprovalsAsync(), t => t.ApplicationId == id);
        // Three days left (3, 4, 5 February) from Thursday 5 February: until Monday 9's end, not Thursday 5's.
        Assert.Equal(At(2026, 2, 10), resumed.DueBy.ToDateTimeOffset());
        Assert.Equal("王秀瑛", resumed.Visitors[0].Name);
        Assert.True((await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id })).Approved);
        await _chain.WaitForProposalAsync(id);
        var application = await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id });
        Assert.Equal("王秀瑛", application.Visitors[0].Name);
        await AuditRows.SingleAsync(system, "prison_approval", "ApprovalSentBack", id, AuditedActor.Officer);
        await AuditRows.SingleEventuallyAsync(system, "prison_approval", "ApprovalResumed", id, AuditedActor.System);
    }

    [Fact]
    public async Task ARedeliveredSendBackEventAndACopyOfItGiveTheFamilyOneSms()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var id = await _chain.SubmitAsync(family.Application("重复退回" + family.Phone[^4..]));
        await _chain.WaitForBureauTaskAsync(id);
        await _chain.Reviewer.SendBackApplicationAsync(new SendBackReviewRequest { ApplicationId = id, Missing = { MissingMaterial.ResidentId } });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.SentBackByBureau, smsCount: 2);
        var notification = system.Databases["notification"];
        var bureau = system.Databases["bureau_review"];
        var messageId = Assert.Single(await OutboxRows.MessageIdsAsync(bureau, nameof(ApplicationSentBack), [id]));

        // The same message again, with its own id (the outbox publishes the row once more)...
        Assert.Equal(1, await OutboxRows.MarkUnsentAsync(bureau, [id]));
        await Eventually.Until(() => OutboxRows.QueryAsync(bureau, "SELECT count(*) FROM outbox_messages WHERE message_id = @id AND sent_at IS NULL", ("id", messageId)),
            n => Convert.ToInt64(n, CultureInfo.InvariantCulture) == 0, "the send-back to be published again");
        // ...and a copy under a new id, which the inbox lets through: the SMS's key (the send-back) stops it.
        var sendBackId = (Guid)(await OutboxRows.QueryAsync(bureau, "SELECT send_back_id FROM reviews WHERE application_id = @id", ("id", Guid.Parse(id))))!;
        var copyId = Guid.NewGuid();
        await system.PublishAsync(new ApplicationSentBack(Guid.Parse(id), sendBackId, "county_bureau", Orgs.Office, ["resident_id"], null,
            TestDates.At(2026, 2, 10, 0, 0), "reviewer-zhao", system.Clock.GetUtcNow()), copyId);
        await Eventually.Until(() => OutboxRows.QueryAsync(notification, "SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", copyId)),
            n => Convert.ToInt64(n, CultureInfo.InvariantCulture) > 0, "the copy to be handled");
        await Eventually.Until(async () => string.Join(",", (await system.VirtualHost!.QueueDepthsAsync()).Where(q => !q.Key.EndsWith("_error", StringComparison.Ordinal) && q.Value > 0).Select(q => q.Key)),
            busy => busy.Length == 0, "the queues to drain");

        Assert.Equal(2, await OutboxRows.SmsRowsAsync(notification, id));
        Assert.Equal(2, (await system.SmsTo(family.Phone)).Count);
        var application = await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id });
        Assert.Equal(ApplicationStatus.SentBackByBureau, application.Status);
    }

    [Fact]
    public async Task MaterialThatNeverComesLapsesTheApplicationWithItsSmsAndAResubmissionIsRefused()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var id = await _chain.SubmitAsync(family.Application("逾期未补" + family.Phone[^4..]));
        await _chain.WaitForBureauTaskAsync(id);
        await _chain.Reviewer.SendBackApplicationAsync(new SendBackReviewRequest { ApplicationId = id, Missing = { MissingMaterial.RecentPhoto } });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.SentBackByBureau, smsCount: 2);

        // The office's five working days pass.
        await OutboxRows.QueryAsync(system.Databases["bureau_review"],
            "UPDATE reviews SET due_by = @due WHERE application_id = @id", ("due", system.Clock.GetUtcNow().AddMinutes(-1)), ("id", Guid.Parse(id)));

        var lapsed = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.BureauRejected, smsCount: 3);
        Assert.Equal("MATERIAL_NOT_RESUBMITTED", lapsed.Timeline.Single(t => t.Event == TimelineEvent.BureauRejected).ReasonCode);
        var sms = await system.SmsTo(family.Phone);
        Assert.Contains("原因：" + SmsReasons.ApplicationDetails, sms[2].Text, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.ResubmitApplicationAsync(
            new ResubmitApplicationRequest { ApplicationId = id, RequestId = Guid.NewGuid().ToString() }));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var audited = await AuditRows.SingleAsync(system, "bureau_review", "ReviewExpired", id, AuditedActor.System);
        Assert.Equal("MATERIAL_NOT_RESUBMITTED", audited.ReasonCode);
    }

    [Fact]
    public async Task ASendBackWithoutItemsOrWithAnUnknownOneIsRefusedBesideItsFields()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var id = await _chain.SubmitAsync(family.Application("退回校验" + family.Phone[^4..]));
        await _chain.WaitForBureauTaskAsync(id);

        var none = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Reviewer.SendBackApplicationAsync(new SendBackReviewRequest { ApplicationId = id }));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Reviewer.SendBackApplicationAsync(
            new SendBackReviewRequest { ApplicationId = id, Missing = { MissingMaterial.ResidentId, MissingMaterial.ResidentId, (MissingMaterial)99 } }));

        Assert.Equal(StatusCode.InvalidArgument, none.StatusCode);
        Assert.Contains("需补充的材料", none.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.Contains("需补充的材料的第3项", unknown.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(await _chain.Reviewer.AllPendingReviewsAsync(), t => t.ApplicationId == id);
    }

    private async Task<ReviewTask> BureauTaskAsync(string id) =>
        Assert.Single(await _chain.Reviewer.AllPendingReviewsAsync(), t => t.ApplicationId == id);

    private static DateTimeOffset At(int year, int month, int day) => TestDates.At(year, month, day, 0, 0);
}
