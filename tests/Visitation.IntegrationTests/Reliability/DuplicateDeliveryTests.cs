using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// Issue 3, fault test 4: every event of three applications is delivered to every consumer again,
/// with its original message id — once while running and once more after every service restarted.
/// Nothing changes and no family gets a second SMS.
/// </summary>
public sealed class DuplicateDeliveryTests(VisitationSystem system) : FaultTest(system)
{
    [Fact]
    public async Task RedeliveredEventsChangeNothingAndSendNoSecondSmsEvenAfterARestart()
    {
        // The events carrying personal data lose their outbox bodies once sent (docs/data-minimisation.md),
        // so their copies are taken off the broker as they pass and published again from there.
        await using var tap = await EventTap.OpenAsync(Services.Amqp);
        var chain = new ChainDriver(Services);
        var families = new[] { new Family(Services.Clock), new Family(Services.Clock), new Family(Services.Clock) };
        var scheduled = await DriveScheduledAsync(chain, families[0]);
        var bureauRejected = await DriveBureauRejectedAsync(chain, families[1]);
        var prisonRejected = await DrivePrisonRejectedAsync(chain, families[2]);
        var ids = new[] { scheduled, bureauRejected, prisonRejected };
        var personal = (await tap.TakeAsync()).Where(e => e.CarriesPersonalData && ids.Any(id => e.Body.Contains(id, StringComparison.Ordinal))).ToList();
        await tap.StopListeningAsync(); // its queue would keep the replayed copies, and the drain below waits for every queue
        // Each application's submission and contact events, the bureau's approval of two of them and the
        // prison's of the scheduled one: 3 × 2 + 2 + 1.
        Assert.True(personal.Count >= 9, $"only {personal.Count} events with personal data tapped");
        Assert.Equal(4, personal.Select(e => e.Exchange).Distinct().Count());
        // The inbox rows counted are these applications' messages' only: another test's late event is not a duplicate.
        var messageIds = personal.Select(e => Guid.Parse(e.Properties.MessageId!)).ToHashSet();
        foreach (var database in Services.Databases.Values)
        {
            messageIds.UnionWith(await OutboxRows.MessageIdsAboutAsync(database, ids));
        }

        var before = await SnapshotAsync(new ChainDriver(Services), ids, families, messageIds);
        Assert.All(families, f => Assert.Contains($"{f.Phone}:2", before, StringComparison.Ordinal));

        await ReplayAsync(ids, tap, personal);
        Assert.Equal(before, await SnapshotAsync(new ChainDriver(Services), ids, families, messageIds));

        foreach (var service in VisitationSystem.ServiceNames)
        {
            await Services.RestartAsync(service);
        }

        await ReplayAsync(ids, tap, personal);
        Assert.Equal(before, await SnapshotAsync(new ChainDriver(Services), ids, families, messageIds));
        Assert.Equal(0, Services.GatewayDuplicatesTo(families));
    }

    private async Task ReplayAsync(string[] applicationIds, EventTap tap, List<TappedEvent> personal)
    {
        var deliveredBefore = await Services.VirtualHost!.DeliveredAsync();
        var replayed = 0;
        foreach (var database in Services.Databases.Values)
        {
            replayed += await OutboxRows.MarkUnsentAsync(database, applicationIds);
        }

        // 3 applications produced at least 10 events between them whose sent bodies are kept; each is
        // published again from the outbox, and the ones carrying personal data from the tap's copies.
        Assert.True(replayed >= 10, $"only {replayed} outbox rows replayed");
        await OutboxesDrainedAsync("the replayed rows published again");
        foreach (var tapped in personal)
        {
            await tap.RepublishAsync(tapped);
        }

        replayed += personal.Count;

        await Eventually.Until(() => Services.VirtualHost.DeliveredAsync(), delivered => delivered >= deliveredBefore + replayed, "the broker to deliver every replayed event", seconds: 60);
        await Eventually.Until(async () => string.Join(",", (await Services.VirtualHost.QueueDepthsAsync()).Where(q => !q.Key.EndsWith("_error", StringComparison.Ordinal) && q.Value > 0).Select(q => $"{q.Key}={q.Value}")),
            busy => busy.Length == 0, "the queues to drain");
        await Task.Delay(1500); // a duplicate that failed would need its quick retries to reach _error
        Assert.Empty(await Services.FaultsAboutAsync(applicationIds));
    }

    /// <summary>Everything a duplicate could disturb: status, timeline, SMS rows, SMS received, inbox rows.</summary>
    private async Task<string> SnapshotAsync(ChainDriver chain, string[] ids, Family[] families, IReadOnlyCollection<Guid> messageIds)
    {
        var parts = new List<string>();
        for (var i = 0; i < ids.Length; i++)
        {
            var application = await chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = ids[i] });
            // A receipt's step lands whenever the receipt comes, duplicates or not: it is left out.
            parts.Add($"{application.Status}|{string.Join(",", application.Timeline.Where(t => t.Event != TimelineEvent.SmsDelivered).Select(t => $"{t.Event}@{t.At}"))}");
            parts.Add($"sms-rows:{await OutboxRows.SmsRowsAsync(Services.Databases["notification"], ids[i])}");
            parts.Add($"{families[i].Phone}:{(await Services.SmsTo(families[i].Phone)).Count}");
        }

        foreach (var (service, database) in Services.Databases)
        {
            parts.Add($"{service}-inbox:{await OutboxRows.InboxOfAsync(database, messageIds)}");
        }

        return string.Join("\n", parts);
    }

    private static async Task<string> DriveScheduledAsync(ChainDriver chain, Family family)
    {
        var (id, proposal) = await chain.DriveToProposalAsync(family, "重复投递" + family.Phone[^4..], area: "7");
        await chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        return id;
    }

    private static async Task<string> DriveBureauRejectedAsync(ChainDriver chain, Family family)
    {
        var id = await chain.SubmitAsync(family.Application("复审驳回" + family.Phone[^4..]));
        await chain.WaitForBureauTaskAsync(id);
        await chain.Reviewer.RejectApplicationAsync(new RejectReviewRequest { ApplicationId = id, ReasonCode = "DOCUMENTS_INCOMPLETE", Reason = "缺少户口簿原件" });
        await chain.WaitForOutcomeAsync(id, ApplicationStatus.BureauRejected, smsCount: 2);
        return id;
    }

    private static async Task<string> DrivePrisonRejectedAsync(ChainDriver chain, Family family)
    {
        var id = await chain.SubmitAsync(family.Application("名册无此人" + family.Phone[^4..]));
        await chain.WaitForBureauTaskAsync(id);
        await chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id });
        await chain.WaitForPrisonTaskAsync(id);
        await chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
        await chain.WaitForOutcomeAsync(id, ApplicationStatus.PrisonRejected, smsCount: 2);
        return id;
    }
}
