using Visitation.Contracts.Grpc.BureauReview;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// RabbitMQ crashes — SIGKILL to its Erlang VM, not a stop — while messages sit in quorum queues
/// both ready (notification is stopped, its SMS events pile up) and unacknowledged (prison-approval's
/// consumers are held mid-transaction by a lock on their inbox). An application is filed while the
/// broker is dead (its event waits in the outbox). After the restart every message is delivered:
/// all four applications are scheduled, each step once, exactly two SMS per family.
/// </summary>
public sealed class BrokerCrashTests(VisitationSystem system) : FaultTest(system)
{
    private const int Applications = 3;

    [Fact]
    public async Task MessagesReadyAndUnacknowledgedInQuorumQueuesAreAllDeliveredAfterTheBrokerIsKilled()
    {
        var chain = new ChainDriver(Services);
        var families = NewFamilies(Applications + 1);
        var requests = families.Select(f => f.Application("断线" + f.Phone[^4..], "11")).ToArray();
        foreach (var (family, request) in families.Zip(requests))
        {
            await chain.ImportInmateAsync("YJ" + family.Phone[^6..], request.Inmate.Name, "11");
        }

        var smsQueue = await QueueOfAsync("notification", "application-received-sms");
        var intakeQueue = await QueueOfAsync("prison-approval", "bureau-approved");
        var ids = new List<string>();
        await Services.StopAsync("notification");
        try
        {
            foreach (var request in requests.Take(Applications))
            {
                var id = await chain.SubmitAsync(request);
                await chain.WaitForBureauTaskAsync(id);
                ids.Add(id);
            }

            await using (await OutboxRows.HoldWritesAsync(Services.Databases["prison_approval"], "inbox_messages"))
            {
                foreach (var id in ids)
                {
                    Assert.True((await chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id })).Approved);
                }

                // Durable quorum queues holding persistent messages: three ready for the stopped notification
                // service, three handed to prison-approval's held consumers and not acknowledged.
                var (sms, intake) = await Eventually.Until(async () =>
                    {
                        var queues = await Services.VirtualHost!.QueuesAsync();
                        return (queues.Single(q => q.Name == smsQueue), queues.Single(q => q.Name == intakeQueue));
                    },
                    q => q.Item1.Ready >= Applications && q.Item2.Unacknowledged >= Applications, "messages ready and unacknowledged in the quorum queues");
                Assert.All(new[] { sms, intake }, q => Assert.True(q is { Type: "quorum", Durable: true }, $"{q} is not a durable quorum queue"));
                Assert.Equal(2, await Services.VirtualHost!.HeadDeliveryModeAsync(smsQueue));

                await LocalServers.KillBrokerAsync();
            }

            // With the broker dead, a clerk still files an application: its event waits in the outbox.
            ids.Add(await chain.SubmitAsync(requests[Applications]));
            Assert.True(await OutboxRows.UnsentAsync(Services.Databases["application"]) >= 1, "the application filed during the crash left no event waiting in the outbox");
        }
        finally
        {
            await LocalServers.StartBrokerAsync();
            Services.StartInstances("notification");
        }

        await chain.WaitForBureauTaskAsync(ids[Applications]);
        await chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = ids[Applications] });
        foreach (var id in ids)
        {
            await ScheduleAsync(chain, id);
        }

        await AssertEachScheduledExactlyOnceAsync(chain, ids, families);
    }
}
