using Visitation.Testing.Processes;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Messaging.FaultInjection;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// A service run as its own process is killed with SIGKILL inside one of the two windows where a
/// crash doubles a message: by a crash point (<see cref="FaultInjectionOptions"/>) that kills it
/// right after the broker confirmed an event and before the outbox row is stamped sent, or right
/// after a consumer committed and before the broker was acknowledged. The duplicate that follows is
/// shown to happen, and to change nothing: every step once, every family exactly its two SMS.
/// </summary>
public sealed class ProcessKillTests(VisitationSystem system) : FaultTest(system)
{
    private const int Applications = 3;

    [Fact]
    public async Task APublisherKilledAfterTheBrokerConfirmedButBeforeMarkingSentRepublishesAndTheInboxesAbsorbTheDuplicate()
    {
        var chain = new ChainDriver(Services);
        var families = NewFamilies(Applications);
        var ids = await SubmitAsync(chain, families, "断电");
        // The in-process instances take in the submissions before they are stopped: an event arriving at an
        // instance whose host is being disposed would fail there (its services are gone) and land in _error.
        foreach (var id in ids)
        {
            await chain.WaitForBureauTaskAsync(id);
        }

        var bureau = Services.Databases["bureau_review"];
        var reviewerToken = VisitationSystem.Token(Roles.Reviewer, Orgs.County, "reviewer-zhao");
        await Services.StopAsync("bureau_review");
        try
        {
            await using var published = await PublishedEvents.RecordAsync(Services.Amqp);
            var seen = new List<Guid>();
            IReadOnlyList<Guid> approvals = [];
            // Copies on the wire of each approval, fewest first: "1,2,2" is three approvals, two of them twice.
            async Task<string> CopiesAsync()
            {
                seen.AddRange(await published.TakeAsync());
                return string.Join(",", approvals.Select(id => seen.Count(s => s == id)).Order());
            }

            await using (var dying = await ServiceProcess.StartHealthyAsync("BureauReview", ProcessSettings("bureau_review",
                             ($"{FaultInjectionOptions.Section}:{nameof(FaultInjectionOptions.KillAfterPublishConfirms)}", "2"),
                             ($"{FaultInjectionOptions.Section}:{nameof(FaultInjectionOptions.MessageType)}", nameof(BureauApproved)))))
            {
                var reviewer = new BureauReviewService.BureauReviewServiceClient(dying.Channel(reviewerToken));
                await Eventually.Until(async () => await reviewer.ListPendingReviewsAsync(new ListPendingReviewsRequest { Page = new() { PageSize = 200 } }),
                    r => ids.All(id => r.Tasks.Any(t => t.ApplicationId == id)), "the review tasks in the bureau process");

                // The three approvals go out in one dispatch round: held back until all are committed.
                await using (await OutboxRows.HoldDispatchLockAsync(bureau))
                {
                    foreach (var id in ids)
                    {
                        Assert.True((await reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id })).Approved);
                    }
                }

                Assert.Equal(ServiceProcess.KilledBySigkill, await dying.ExitCodeAsync("its crash point after the second confirm"));
            }

            // The window: two approvals are on the broker, and not one row is stamped sent.
            approvals = await OutboxRows.MessageIdsAsync(bureau, nameof(BureauApproved), ids);
            Assert.Equal(Applications, approvals.Count);
            await Eventually.Until(CopiesAsync, copies => copies == "0,1,1", "the two confirmed approvals on the wire");
            Assert.Equal(Applications, await OutboxRows.UnsentAsync(bureau));

            await using (await ServiceProcess.StartHealthyAsync("BureauReview", Services.SettingsOf("bureau_review")))
            {
                await Eventually.Until(() => OutboxRows.UnsentAsync(bureau), unsent => unsent == 0, "the new process to publish the three approvals");
            }

            // The two confirmed ones went out twice under their own message ids, the third once.
            await Eventually.Until(CopiesAsync, copies => copies == "1,2,2", "three approvals on the wire, two of them twice");
        }
        finally
        {
            Services.StartInstances("bureau_review");
        }

        foreach (var id in ids)
        {
            await ScheduleAsync(chain, id);
        }

        await AssertEachScheduledExactlyOnceAsync(chain, ids, families);
    }

    [Fact]
    public async Task AConsumerKilledAfterItsCommitButBeforeItsAckGetsTheMessageAgainAndChangesNothingTwice()
    {
        var chain = new ChainDriver(Services);
        var families = NewFamilies(Applications);
        var ids = await SubmitAsync(chain, families, "断点");
        foreach (var id in ids)
        {
            await chain.WaitForBureauTaskAsync(id);
        }

        var application = Services.Databases["application"];
        var timelineQueue = await QueueOfAsync("application", "bureau-approved-timeline");
        await Services.StopAsync("application");
        try
        {
            await using (var dying = await ServiceProcess.StartHealthyAsync("Application", ProcessSettings("application",
                             ($"{FaultInjectionOptions.Section}:{nameof(FaultInjectionOptions.KillAfterConsumeCommits)}", "1"),
                             ($"{FaultInjectionOptions.Section}:{nameof(FaultInjectionOptions.MessageType)}", nameof(BureauApproved)))))
            {
                foreach (var id in ids)
                {
                    Assert.True((await chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id })).Approved);
                }

                Assert.Equal(ServiceProcess.KilledBySigkill, await dying.ExitCodeAsync("its crash point after the first committed approval"));
            }

            // The window: an approval's timeline step is committed, and yet the broker holds that approval
            // again — it was never acknowledged — for the next consumer. (Not necessarily all three: an
            // approval the bureau had not yet published when the process died is simply still to come.)
            Assert.InRange(await OutboxRows.TimelineStepsAsync(application, ids, "bureau-approved"), 1, Applications);
            await Eventually.Until(async () => (await Services.VirtualHost!.QueuesAsync()).Single(q => q.Name == timelineQueue),
                q => q.Ready >= 1 && q.Unacknowledged == 0, "the approvals the dead process held back in the timeline's queue, unacknowledged");
        }
        finally
        {
            Services.StartInstances("application");
        }

        await Eventually.Until(() => OutboxRows.TimelineStepsAsync(application, ids, "bureau-approved"), steps => steps >= Applications, "the redelivered approvals on the timelines");
        chain = new ChainDriver(Services); // the clerk's channel went with the stopped instances
        foreach (var id in ids)
        {
            await ScheduleAsync(chain, id);
        }

        await AssertEachScheduledExactlyOnceAsync(chain, ids, families);
        // The management API's counters are sampled (every few seconds), so they are waited for, not read once.
        await Eventually.Until(
            async () => (await Services.VirtualHost!.QueuesAsync()).Single(q => q.Name == timelineQueue).Redelivered,
            redelivered => redelivered >= 1,
            $"the broker's count of messages of {timelineQueue} it redelivered to reach 1 (the committed, unacknowledged approval)");
    }

    private static async Task<string[]> SubmitAsync(ChainDriver chain, Family[] families, string inmatePrefix)
    {
        var ids = new List<string>();
        foreach (var family in families)
        {
            var inmate = inmatePrefix + family.Phone[^4..];
            await chain.ImportInmateAsync("YJ" + family.Phone[^6..], inmate, "2");
            ids.Add(await chain.SubmitAsync(family.Application(inmate, "2")));
        }

        return [.. ids];
    }
}
