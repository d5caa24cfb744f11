using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Security;
using Visitation.Messaging.Audit;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.NotReached;

/// <summary>
/// The office's "family not reached" list (docs/family-not-reached.md) through the running services:
/// an SMS reported failed for good puts its application on its office's list once, whatever the bus
/// redelivers; only that office's clerks see and close it; closing and reading are audited.
/// </summary>
public sealed class FamilyNotReachedTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AFailedSmsPutsItsApplicationOnTheOfficesListOnceHoweverOftenItIsReported()
    {
        var id = await SubmitAsync("未达甲");
        var failure = await NotReachedEntries.FailAnSmsAsync(system, id, "Scheduled", SmsFailureReason.WrongNumber);

        // The same message redelivered, and the same SMS reported again under a new message id (its receipt after its send).
        await system.PublishAsync(failure.Event, failure.MessageId);
        var again = Guid.NewGuid();
        await system.PublishAsync(failure.Event with { Reason = SmsFailureReason.Blocked }, again);
        await Eventually.Until(() => NotReachedEntries.TakenAsync(system, again), taken => taken, "the second report to be taken");

        Assert.Equal(1, await NotReachedEntries.EntriesOfAsync(system, id));
        var entry = await OpenEntryAsync(_chain.Clerk, failure.EntryId);
        Assert.Equal((id, Contracts.Grpc.Notification.SmsFailureReason.WrongNumber, Contracts.Grpc.Notification.SmsKind.Scheduled, "138****0000", "isv.MOBILE_NUMBER_ILLEGAL", ContactOutcome.Unspecified),
            (entry.ApplicationId, entry.Reason, entry.SmsKind, entry.PhoneMasked, entry.ProviderCode, entry.Outcome));
        Assert.Equal(failure.Event.OccurredAt.ToUnixTimeSeconds(), entry.FailedAt.Seconds);
        Assert.StartsWith("未达甲", entry.InmateName, StringComparison.Ordinal);
        Assert.True((await _chain.Clerk.CountFamiliesNotReachedAsync(new CountFamiliesNotReachedRequest())).Open >= 1);
        await AuditRows.SingleAsync(system, "application", nameof(Workflow.Audit.AuditEvent.FamilyNotReachedListed), failure.EntryId, AuditedActor.System);
    }

    [Fact]
    public async Task ALaterSmsThatIsDeliveredLeavesTheEntryOpenForTheClerkToDecide()
    {
        var id = await SubmitAsync("未达乙");
        var failure = await NotReachedEntries.FailAnSmsAsync(system, id, "Received", SmsFailureReason.OutOfRetries);

        var later = Guid.NewGuid();
        await system.PublishAsync(new SmsSent(Guid.Parse(id), later, "Scheduled", "138****0000", "会见时间通知", system.Clock.GetUtcNow()), Guid.NewGuid());
        await system.PublishAsync(new SmsDelivered(Guid.Parse(id), later, "Scheduled", "138****0000", system.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(async () => await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }),
            a => a.Timeline.Any(t => t.Event == TimelineEvent.SmsDelivered && t.ReasonCode == "Scheduled"), "the delivered SMS on the timeline");

        var entry = await OpenEntryAsync(_chain.Clerk, failure.EntryId);
        Assert.Equal(Contracts.Grpc.Notification.SmsFailureReason.OutOfRetries, entry.Reason);
        Assert.Null(entry.ClosedAt);
    }

    [Fact]
    public async Task AnotherOfficesClerkNeitherSeesNorClosesTheEntryWhichIsAnsweredAsAnUnknownOne()
    {
        var id = await SubmitAsync("未达丙");
        var failure = await NotReachedEntries.FailAnSmsAsync(system, id, "Scheduled", SmsFailureReason.WrongNumber);
        var stranger = system.Applications(VisitationSystem.Token(Roles.Clerk, Orgs.OtherOffice, "clerk-other"));

        var seen = await stranger.ListFamiliesNotReachedAsync(new ListFamiliesNotReachedRequest { Page = new() { PageSize = 200 } });
        var unknownId = Guid.NewGuid().ToString();
        var another = await Rpcs.CallAsync(system, CloseMethod, VisitationSystem.Token(Roles.Clerk, Orgs.OtherOffice, "clerk-other"), Close(failure.EntryId));
        var unknown = await Rpcs.CallAsync(system, CloseMethod, VisitationSystem.Token(Roles.Clerk, Orgs.OtherOffice, "clerk-other"), Close(unknownId));

        Assert.DoesNotContain(seen.Entries, e => e.EntryId == failure.EntryId || e.ApplicationId == id);
        Assert.Equal(StatusCode.NotFound, another.Code);
        Assert.Equal(unknown.WithoutId(unknownId), another.WithoutId(failure.EntryId));
        Assert.Null((await OpenEntryAsync(_chain.Clerk, failure.EntryId)).ClosedAt);
    }

    [Fact]
    public async Task TheClerkClosesTheEntryOnceWithAnOutcomeAndANoteAndReadingAndClosingAreAudited()
    {
        var id = await SubmitAsync("未达丁");
        var failure = await NotReachedEntries.FailAnSmsAsync(system, id, "Cancelled", SmsFailureReason.Blocked);
        var actor = AuditedActor.Fresh(Roles.Clerk, Orgs.Office);
        var clerk = system.Applications(actor.Token());

        await OpenEntryAsync(clerk, failure.EntryId);
        var closed = await clerk.CloseFamilyNotReachedAsync(Close(failure.EntryId, ContactOutcome.VisitedOffice, "家属到所，已当面告知取消"));
        var closedAgain = await clerk.CloseFamilyNotReachedAsync(Close(failure.EntryId, ContactOutcome.CouldNotReach, "再次处理"));
        var open = await clerk.ListFamiliesNotReachedAsync(new ListFamiliesNotReachedRequest { Page = new() { PageSize = 200 } });
        var recentlyClosed = await clerk.ListFamiliesNotReachedAsync(new ListFamiliesNotReachedRequest { Closed = true, Page = new() { PageSize = 200 } });

        Assert.Equal((ContactOutcome.VisitedOffice, "家属到所，已当面告知取消", actor.User), (closed.Outcome, closed.Note, closed.ClosedBy));
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(closed, closedAgain);
        Assert.DoesNotContain(open.Entries, e => e.EntryId == failure.EntryId);
        Assert.Equal(closed, Assert.Single(recentlyClosed.Entries, e => e.EntryId == failure.EntryId));

        var closing = await AuditRows.SingleAsync(system, "application", nameof(Workflow.Audit.AuditEvent.FamilyNotReachedClosed), failure.EntryId, actor);
        Assert.Equal((Orgs.Office, "visited_office"), (closing.OwnerOrganisation, closing.Outcome));
        var reads = (await AuditRows.AllAsync(system.Databases["application"]))
            .Where(row => row.EventType == nameof(Workflow.Audit.AuditEvent.FamiliesNotReachedRead) && row.ActorUserId == actor.User).ToList();
        Assert.Equal(3, reads.Count);
        Assert.All(reads, row => Assert.Equal((AuditChain.Reads.Name(), "work_queue", null, "family_not_reached"), (row.Chain, row.Purpose, row.RecordId, row.RecordType)));
        AuditRows.AssertNoPersonalData(await AuditRows.AllAsync(system.Databases["application"]), "家属到所", "138****0000");
    }

    [Fact]
    public async Task ClosingWithoutAnOutcomeOrWithANoteOverTwoHundredCharactersIsRefusedByField()
    {
        var id = await SubmitAsync("未达戊");
        var failure = await NotReachedEntries.FailAnSmsAsync(system, id, "Scheduled", SmsFailureReason.ProviderRefused);

        var noOutcome = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.CloseFamilyNotReachedAsync(Close(failure.EntryId, ContactOutcome.Unspecified, "")));
        var longNote = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.Clerk.CloseFamilyNotReachedAsync(Close(failure.EntryId, ContactOutcome.ReachedByPhone, new string('记', 201))));
        var badId = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.CloseFamilyNotReachedAsync(Close("not-an-id")));

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.InvalidArgument), (noOutcome.StatusCode, longNote.StatusCode, badId.StatusCode));
        Assert.Equal(["outcome"], Fields(noOutcome));
        Assert.Equal(["note"], Fields(longNote));
        Assert.Equal(["entry_id"], Fields(badId));
        Assert.Null((await OpenEntryAsync(_chain.Clerk, failure.EntryId)).ClosedAt);
    }

    private static readonly Google.Protobuf.Reflection.MethodDescriptor CloseMethod =
        ApplicationService.Descriptor.FindMethodByName(nameof(ApplicationService.ApplicationServiceBase.CloseFamilyNotReached));

    private async Task<string> SubmitAsync(string inmate)
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        return await _chain.SubmitAsync(family.Application(inmate + family.Phone[^4..]));
    }

    /// <summary>The entry as the office's open list shows it (paged through: the office's list holds other tests' entries too).</summary>
    private static async Task<Contracts.Grpc.Application.FamilyNotReached> OpenEntryAsync(ApplicationService.ApplicationServiceClient clerk, string entryId)
    {
        var token = string.Empty;
        do
        {
            var page = await clerk.ListFamiliesNotReachedAsync(new ListFamiliesNotReachedRequest { Page = new() { PageSize = 200, PageToken = token } });
            if (page.Entries.FirstOrDefault(e => e.EntryId == entryId) is { } found)
            {
                return found;
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);

        throw new Xunit.Sdk.XunitException($"Entry {entryId} is not on the office's open list.");
    }

    private static CloseFamilyNotReachedRequest Close(string entryId, ContactOutcome outcome = ContactOutcome.ReachedByPhone, string note = "已电话告知") =>
        new() { EntryId = entryId, Outcome = outcome, Note = note };

    private static List<string> Fields(RpcException error) =>
        [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field)];
}
