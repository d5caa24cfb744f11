using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Base of the fault tests: the running system they disturb, fresh families to drive through it,
/// and the outboxes of all five services, which every fault test watches.
/// </summary>
public abstract class FaultTest
{
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
}
