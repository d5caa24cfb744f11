using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Issue 3, fault test 5: every service runs as two instances over the same database and queues
/// (see <see cref="VisitationSystem.InstancesPerService"/>). A batch of applications driven at once
/// all complete, each family gets exactly its two SMS, and no outbox row is left behind.
/// </summary>
public sealed class CompetingInstancesTests(VisitationSystem system) : FaultTest(system)
{
    private const int Applications = 8;

    [Fact]
    public async Task ABatchCompletesOnTwoInstancesWithNoDuplicateSmsAndNoStuckOutboxRows()
    {
        var families = NewFamilies(Applications);

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
}
