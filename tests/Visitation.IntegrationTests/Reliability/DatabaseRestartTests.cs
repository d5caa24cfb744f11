using Grpc.Core;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Issue 3, fault test 3: PostgreSQL stops while five applications' events arrive for the
/// bureau-review and notification services. Callers meanwhile get UNAVAILABLE, not an unknown
/// error; the consumers wait (transient faults are retried patiently) and when the database is
/// back every event is applied, every family gets its SMS once, and nothing lands in _error.
/// </summary>
public sealed class DatabaseRestartTests(VisitationSystem system)
{
    private const int Applications = 5;

    [Fact]
    public async Task Events_arriving_while_the_database_is_down_are_all_applied_once_it_is_back()
    {
        var chain = new ChainDriver(system);
        var errorsBefore = await ErrorMessagesAsync();
        var families = Enumerable.Range(0, Applications).Select(_ => new Family()).ToArray();
        var ids = families.Select(_ => Guid.NewGuid()).ToArray();

        await LocalServers.StopDatabaseAsync();
        try
        {
            for (var i = 0; i < Applications; i++)
            {
                await system.PublishAsync(Submitted(ids[i], families[i]), Guid.NewGuid());
            }

            var refused = await Assert.ThrowsAsync<RpcException>(async () =>
                await chain.Clerk.ListApplicationsAsync(new ListApplicationsRequest()));
            Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
            await Task.Delay(4000); // the events are being retried against a database that is not there
        }
        finally
        {
            await LocalServers.StartDatabaseAsync();
        }

        foreach (var (family, id) in families.Zip(ids))
        {
            await chain.WaitForBureauTaskAsync(id.ToString());
            var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count == 1, "the received SMS", seconds: 90);
            Assert.Contains("申请已受理", sms[0].Text, StringComparison.Ordinal);
        }

        var pending = await chain.Reviewer.ListPendingReviewsAsync(new ListPendingReviewsRequest { Page = new() { PageSize = 200 } });
        Assert.Equal(Applications, pending.Tasks.Count(t => ids.Contains(Guid.Parse(t.ApplicationId))));
        Assert.Equal(errorsBefore, await ErrorMessagesAsync());
    }

    private static ApplicationSubmitted Submitted(Guid id, Family family)
    {
        var details = new ApplicationDetails(id, Orgs.Office, Orgs.County, Orgs.Venue, "停库" + family.Phone[^4..], Orgs.Prison, "1", Family.NextVisitMonth(),
            DateOnly.FromDateTime(DateTime.UtcNow), [new VisitorDetails("李桂兰", Family.IdNumber(new DateOnly(1968, 5, 20), 9), "mother", 58, ["id_card", "household_register"])]);
        return new ApplicationSubmitted(details, "李桂兰", family.Phone, "clerk-li", DateTimeOffset.UtcNow);
    }

    private async Task<long> ErrorMessagesAsync() =>
        (await system.VirtualHost!.QueueDepthsAsync()).Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal)).Sum(q => q.Value);
}
