using Npgsql;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Issue 3, fault test 5: every service runs as two instances over the same database and queues
/// (see <see cref="VisitationSystem.InstancesPerService"/>). A batch of applications driven at once
/// all complete, each family gets exactly its two SMS, and no outbox row is left behind. A queue of
/// the test's own subscribes to every event meanwhile: no event went out twice, and each service's
/// events went out in the order of its outbox (ids follow commit order).
/// </summary>
public sealed class CompetingInstancesTests(VisitationSystem system) : FaultTest(system)
{
    private const int Applications = 8;

    [Fact]
    public async Task ABatchCompletesOnTwoInstancesWithNoDuplicateSmsNoDuplicateEventsAndEachServicesEventsInCommitOrder()
    {
        var families = NewFamilies(Applications);
        await using var published = await PublishedEvents.RecordAsync(Services.Amqp);

        var ids = await Task.WhenAll(families.Select(async family =>
        {
            var chain = new ChainDriver(Services);
            var (id, proposal) = await chain.DriveToProposalAsync(family, "并发" + family.Phone[^4..], area: "9");
            await chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
            await chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
            return id;
        }));

        Assert.Equal(Applications, ids.Distinct().Count());
        foreach (var family in families)
        {
            var sms = await Services.SmsTo(family.Phone);
            Assert.Equal(["申请已受理", "已安排在"], sms.Select(m => m.Text.Contains("申请已受理", StringComparison.Ordinal) ? "申请已受理" : m.Text.Contains("已安排在", StringComparison.Ordinal) ? "已安排在" : m.Text));
        }

        await OutboxesDrainedAsync("no row stuck");
        // A row is stamped sent only after the broker's confirm, so every event is in the queue by now.
        await AssertEachServicePublishedOnceInOutboxOrderAsync(await published.TakeAsync());

        Assert.Equal(0, Services.GatewayDuplicatesTo(families));
        var agenda = await new ChainDriver(Services).CountyAgenda.GetVenueAgendaAsync(new GetVenueAgendaRequest
        {
            DateFrom = Services.Clock.ChinaToday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DateTo = Services.Clock.ChinaToday.AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var batch = agenda.Visits.Where(v => ids.Contains(v.ApplicationId)).ToList();
        Assert.Equal(Applications, batch.Count);
        // Two-sided capacity: no venue terminal holds two visits at the same time.
        Assert.Equal(batch.Count, batch.Select(v => (v.Date, v.StartTime, v.VenueTerminal)).Distinct().Count());
    }

    private async Task AssertEachServicePublishedOnceInOutboxOrderAsync(IReadOnlyList<Guid> received)
    {
        Assert.Equal(received.Count, received.Distinct().Count());
        var found = 0;
        foreach (var database in Services.Databases.Values)
        {
            var outboxOrder = await OutboxOrderAsync(database, received);
            Assert.Equal(outboxOrder, received.Where(outboxOrder.Contains));
            found += outboxOrder.Count;
        }

        // Every event seen came from one of the outboxes, and there were the batch's many.
        Assert.Equal(received.Count, found);
        Assert.True(found >= Applications * 5, $"only {found} events were published for {Applications} applications");
    }

    /// <summary>Those of the message ids that are rows of this service's outbox, in the outbox's (publishing) order.</summary>
    private static async Task<List<Guid>> OutboxOrderAsync(string database, IReadOnlyList<Guid> messageIds)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT message_id FROM outbox_messages WHERE message_id = ANY(@ids) ORDER BY id", connection);
        command.Parameters.AddWithValue("ids", messageIds.ToArray());
        var order = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            order.Add(reader.GetGuid(0));
        }

        return order;
    }
}
