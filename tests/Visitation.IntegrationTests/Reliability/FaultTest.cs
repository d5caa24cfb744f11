using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Base of the fault tests: the running system they disturb, fresh families to drive through it,
/// the outboxes, timers and queues they wait on until the system is quiet, and the audit of loss
/// and duplicates every fault test ends with.
/// </summary>
public abstract class FaultTest
{
    /// <summary>The workflow steps of a scheduled application, each on its timeline exactly once.</summary>
    private static readonly TimelineEvent[] ScheduledChain =
        [TimelineEvent.Submitted, TimelineEvent.BureauApproved, TimelineEvent.PrisonApproved, TimelineEvent.VisitProposed, TimelineEvent.VisitScheduled];

    protected FaultTest(VisitationSystem system)
    {
        Services = system.VirtualHost is not null && LocalServers.Available
            ? system
            : throw new InvalidOperationException(
                "The fault tests crash and restart PostgreSQL and RabbitMQ through deploy/local/infra.sh and read queues through a " +
                "virtual host of their own; Testcontainers gives neither. Run them with `bash deploy/test.sh`.");
        // Each fault test starts on the run's ordinary application day, wherever the test before left the clock.
        system.Clock.StartAt(TestDates.ApplicationDay);
    }

    /// <summary>The five services on the test servers, shared by the whole test run.</summary>
    protected VisitationSystem Services { get; }

    /// <summary>Families with phones of their own, so that their SMS and applications never mix with another test's.</summary>
    protected Family[] NewFamilies(int count) => Enumerable.Range(0, count).Select(_ => new Family(Services.Clock)).ToArray();

    /// <summary>A service's settings for running it as its own process, with these added (e.g. a crash point).</summary>
    protected Dictionary<string, string> ProcessSettings(string service, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>(Services.SettingsOf(service));
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Rejects an application at the bureau as soon as its review task exists (its event arrived).</summary>
    protected static async Task RejectAtTheBureauAsync(ChainDriver chain, string applicationId) =>
        await Eventually.Until(async () =>
        {
            try
            {
                await chain.Reviewer.RejectApplicationAsync(new RejectReviewRequest { ApplicationId = applicationId, ReasonCode = "DOCUMENTS_INCOMPLETE", Reason = "缺少户口簿原件" });
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return false; // the filing's event has not reached the bureau yet
            }
        }, rejected => rejected, $"the review task of {applicationId}");

    /// <summary>Events committed but not yet published, over every service.</summary>
    protected async Task<long> UnsentEverywhereAsync()
    {
        var unsent = 0L;
        foreach (var database in Services.Databases.Values)
        {
            unsent += await OutboxRows.UnsentAsync(database);
        }

        return unsent;
    }

    /// <summary>Waits until every service has published all it committed.</summary>
    protected async Task OutboxesDrainedAsync(string what)
    {
        foreach (var (service, database) in Services.Databases)
        {
            await Eventually.Until(() => OutboxRows.UnsentAsync(database), unsent => unsent == 0, $"{service}'s outbox to empty: {what}");
        }
    }

    /// <summary>
    /// Waits until nothing is left moving: every outbox published, no timer due unsent, and every
    /// queue but the error queues without a message ready or unacknowledged.
    /// </summary>
    protected async Task QuietAsync(string what)
    {
        await OutboxesDrainedAsync(what);
        foreach (var (service, database) in Services.Databases)
        {
            await Eventually.Until(() => OutboxRows.DueTimersAsync(database, Services.Clock.GetUtcNow()), due => due == 0, $"{service}'s due timers to be sent: {what}");
        }

        await Eventually.Until(async () => string.Join(", ", (await Services.VirtualHost!.QueuesAsync()).Where(q => !q.IsErrorQueue && q.Messages > 0)),
            busy => busy.Length == 0, $"every queue to drain: {what}", seconds: 90);
    }

    /// <summary>The queue through which a service's consumer receives its messages (kebab-case: the service's name, then the consumer's).</summary>
    protected async Task<string> QueueOfAsync(string serviceName, string consumer)
    {
        var queues = await Services.VirtualHost!.QueuesAsync();
        return queues.Where(q => !q.IsErrorQueue).Select(q => q.Name)
            .Single(name => name.StartsWith(serviceName, StringComparison.Ordinal) && name.EndsWith(consumer, StringComparison.Ordinal));
    }

    /// <summary>Takes a bureau-approved application on through the prison and the visit centre to its confirmed visit.</summary>
    protected static async Task ScheduleAsync(ChainDriver chain, string applicationId)
    {
        await chain.WaitForPrisonTaskAsync(applicationId);
        Assert.True((await chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = applicationId })).Approved);
        var visit = await chain.WaitForProposalAsync(applicationId);
        await chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = visit.VisitId });
    }

    /// <summary>
    /// Loss and duplicates, once the system is quiet: every application scheduled with each step of
    /// its chain on its timeline exactly once and its two SMS recorded, every family exactly its two
    /// SMS at the gateway and delivered, no attempt sent twice (not even one the gateway would absorb:
    /// an attempt whose answer a crash kept from being recorded is settled by asking the gateway, never
    /// by sending again), nothing about them in an error queue.
    /// </summary>
    protected Task AssertEachScheduledExactlyOnceAsync(ChainDriver chain, IReadOnlyList<string> applicationIds, IReadOnlyList<Family> families) =>
        AssertEachExactlyOnceAsync(chain, applicationIds, families, ApplicationStatus.Scheduled, ScheduledChain);

    /// <summary>As <see cref="AssertEachScheduledExactlyOnceAsync"/>, for applications that end in <paramref name="status"/> after the steps given.</summary>
    protected async Task AssertEachExactlyOnceAsync(ChainDriver chain, IReadOnlyList<string> applicationIds, IReadOnlyList<Family> families,
        ApplicationStatus status, IReadOnlyList<TimelineEvent> steps)
    {
        foreach (var id in applicationIds)
        {
            // At least, not exactly: a duplicate must fail the count below, not time out here. Every step
            // is waited for, not only the status: a step whose consumer lost a race lands a moment later.
            await Eventually.Until(async () => await chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }),
                a => a.Status == status && a.Timeline.Count(t => t.Event == TimelineEvent.SmsDelivered) >= 2 && steps.All(step => a.Timeline.Any(t => t.Event == step)),
                $"{id} to reach {status} with every step and its two SMS delivered");
        }

        await QuietAsync("after the fault, before counting");
        foreach (var id in applicationIds)
        {
            var application = await chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id });
            Assert.Equal(status, application.Status);
            Assert.Equal(Describe([.. steps, TimelineEvent.SmsSent, TimelineEvent.SmsSent, TimelineEvent.SmsDelivered, TimelineEvent.SmsDelivered]), Describe(application.Timeline.Select(t => t.Event)));
        }

        foreach (var family in families)
        {
            Assert.Equal(2, (await Services.SmsTo(family.Phone)).Count);
        }

        Assert.Equal(0, Services.GatewayDuplicatesTo(families));

        Assert.Empty(await Services.FaultsAboutAsync(applicationIds));
    }

    // Steps counted per kind, in a fixed order: a duplicate shows as "BureauApproved×2" whatever the clocks of the steps.
    private static string Describe(IEnumerable<TimelineEvent> events) =>
        string.Join(", ", events.GroupBy(e => e).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
}
