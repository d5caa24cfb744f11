using System.Text;
using Grpc.Core;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Messaging.Audit;
using Visitation.ServiceDefaults.Auth;
using Google.Protobuf.WellKnownTypes;

namespace Visitation.IntegrationTests.Audit;

/// <summary>
/// The audit administrator's store on the running system (docs/audit-store.md): every service's
/// audit rows arrive once each, with their hashes; a redelivery adds nothing; a row that does not
/// link to the one before it is flagged; searches and exports reach the caller's subtree only, are
/// refused to every other role, and are audited themselves.
/// </summary>
public sealed class AuditStoreTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);
    private readonly StoredAudit _store = new(system);

    /// <summary>Each service's database (as the system names it) and the name its relay gives the store.</summary>
    private static readonly Dictionary<string, string> RelayNames = new()
    {
        ["application"] = "application",
        ["bureau_review"] = "bureau-review",
        ["prison_approval"] = "prison-approval",
        ["scheduling"] = "scheduling",
        ["notification"] = "notification",
    };

    [Fact]
    public async Task ADecisionInEachChainServiceAppearsInTheStoreExactlyOnceWithTheSameRowHash()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "存档甲" + family.Phone[^4..]);
        await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await system.Notification(VisitationSystem.Token(Roles.Clerk, Orgs.Office, "clerk-li")).ListMessagesAsync(new ListMessagesRequest { ApplicationId = id });

        (string Service, string Event, string Record)[] decisions =
        [
            ("application", "ApplicationSubmitted", id),
            ("bureau_review", "ReviewApproved", id),
            ("prison_approval", "ApprovalApproved", id),
            ("scheduling", "VisitConfirmed", proposal.VisitId),
            ("notification", "MessagesListed", id),
        ];
        foreach (var (service, eventType, record) in decisions)
        {
            var source = Assert.Single(await AuditRows.OfAsync(system.Databases[service], eventType, record));
            // The row before it in its chain too: a row that overtook its predecessor (parallel
            // consumers) is flagged until that one arrives, and cleared then.
            var before = (await AuditRows.AllAsync(system.Databases[service])).LastOrDefault(row => row.Chain == source.Chain && row.Seq < source.Seq);
            if (before is not null)
            {
                await _store.ArrivedAsync(RelayNames[service], before.Chain, before.Seq);
            }

            var copies = await _store.ArrivedAsync(RelayNames[service], source.Chain, source.Seq);

            var copy = Assert.Single(copies);
            Assert.Equal(source.RowHash, copy.RowHash);
            Assert.False(copy.LinkBroken, $"{service}'s row {source.Seq} arrived flagged as not linked");
        }
    }

    [Fact]
    public async Task TheSystemsRowsAboutACountysApplicationAreSeenByThatCountysAuditAdministratorAndByNoOtherCountys()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "存档乙" + family.Phone[^4..]);
        // The proposal is the system's (a consumer's): actor organisation "system", owner the visit's venue.
        var source = Assert.Single(await AuditRows.OfAsync(system.Databases["scheduling"], "VisitProposed", proposal.VisitId));
        Assert.Equal((AuditActor.SystemName, Orgs.Venue), (source.ActorOrganisation, source.OwnerOrganisation));
        var submitted = Assert.Single(await AuditRows.OfAsync(system.Databases["application"], "ApplicationSubmitted", id));
        Assert.Equal(Orgs.Office, submitted.OwnerOrganisation);
        Assert.Single(await _store.ArrivedAsync("scheduling", source.Chain, source.Seq));
        Assert.Single(await _store.ArrivedAsync("application", submitted.Chain, submitted.Seq));
        var aboutTheVisit = new AuditFilter { RecordType = "visit", RecordId = proposal.VisitId };
        var aboutTheApplication = new AuditFilter { RecordType = "application", RecordId = id };

        var county = (await AuditAdmin(Orgs.County).SearchAuditAsync(new SearchAuditRequest { Filter = aboutTheVisit })).Rows;
        var otherCounty = (await AuditAdmin(Orgs.OtherCounty).SearchAuditAsync(new SearchAuditRequest { Filter = aboutTheVisit })).Rows;
        var otherCountyOnTheApplication = (await AuditAdmin(Orgs.OtherCounty).SearchAuditAsync(new SearchAuditRequest { Filter = aboutTheApplication })).Rows;
        var byOwner = await AuditAdmin(Orgs.County).SearchAuditAsync(new SearchAuditRequest { Filter = new AuditFilter(aboutTheVisit) { OwnerOrganisation = Orgs.Venue } });

        var proposed = Assert.Single(county, row => row.EventType == "VisitProposed");
        Assert.Equal((AuditActor.SystemName, Orgs.Venue, source.RowHash), (proposed.ActorOrganisation, proposed.OwnerOrganisation, proposed.RowHash));
        Assert.Empty(otherCounty);
        Assert.Empty(otherCountyOnTheApplication);
        Assert.Contains(byOwner.Rows, row => row.RowHash == source.RowHash);
    }

    [Fact]
    public async Task AnAuditRecordedDeliveredAgainIsKeptOnce()
    {
        var service = "it-" + Guid.NewGuid().ToString("N")[..12];
        var row = StoredAudit.Row(service, 1, AuditHash.Genesis, StoredAudit.Hash('a'), "it-redelivered", Orgs.Office, system.Clock.GetUtcNow());
        var first = Guid.NewGuid();
        await _store.DeliverAsync(row, first);

        // The broker's redelivery (same message id), and the relay publishing it again after a crash (the same row under a new delivery).
        await system.PublishAsync(StoredAudit.Run([row]), first);
        await _store.DeliverAsync(row);

        var copy = Assert.Single(await _store.CopiesAsync(service, "changes", 1));
        Assert.Equal(StoredAudit.Hash('a'), copy.RowHash);
    }

    [Fact]
    public async Task ARowThatDoesNotLinkToTheRowBeforeItIsStoredFlaggedAndFoundByTheBrokenLinkFilter()
    {
        var service = "it-" + Guid.NewGuid().ToString("N")[..12];
        var actor = "it-links-" + Guid.NewGuid().ToString("N")[..8];
        var at = system.Clock.GetUtcNow();
        await _store.DeliverAsync(StoredAudit.Row(service, 1, AuditHash.Genesis, StoredAudit.Hash('1'), actor, Orgs.Office, at));
        await _store.DeliverAsync(StoredAudit.Row(service, 2, StoredAudit.Hash('1'), StoredAudit.Hash('2'), actor, Orgs.Office, at));
        // Row 3 was removed at the source: row 4 links to it, not to row 2.
        await _store.DeliverAsync(StoredAudit.Row(service, 4, StoredAudit.Hash('3'), StoredAudit.Hash('4'), actor, Orgs.Office, at));

        Assert.False(Assert.Single(await _store.CopiesAsync(service, "changes", 2)).LinkBroken);
        Assert.True(Assert.Single(await _store.CopiesAsync(service, "changes", 4)).LinkBroken);
        var broken = await AuditAdmin(Orgs.County).SearchAuditAsync(new SearchAuditRequest { Filter = new AuditFilter { ActorUserId = actor, OnlyBrokenLinks = true } });
        Assert.Equal([4L], broken.Rows.Select(r => r.Seq));
        Assert.True(broken.Rows[0].LinkBroken);
    }

    [Fact]
    public async Task ARowArrivingBeforeTheRowItLinksToIsClearedWhenThatRowArrives()
    {
        var service = "it-" + Guid.NewGuid().ToString("N")[..12];
        var at = system.Clock.GetUtcNow();
        await _store.DeliverAsync(StoredAudit.Row(service, 2, StoredAudit.Hash('1'), StoredAudit.Hash('2'), "it-order", Orgs.Office, at));
        Assert.True(Assert.Single(await _store.CopiesAsync(service, "changes", 2)).LinkBroken);

        await _store.DeliverAsync(StoredAudit.Row(service, 1, AuditHash.Genesis, StoredAudit.Hash('1'), "it-order", Orgs.Office, at));

        Assert.False(Assert.Single(await _store.CopiesAsync(service, "changes", 1)).LinkBroken);
        Assert.False(Assert.Single(await _store.CopiesAsync(service, "changes", 2)).LinkBroken);
    }

    [Fact]
    public async Task ARelayRoundsRowsAreKeptOnceEachAndLinkedAcrossRoundsThatOverlapOrArriveOutOfOrder()
    {
        var service = "it-" + Guid.NewGuid().ToString("N")[..12];
        var at = system.Clock.GetUtcNow();
        AuditRecorded Row(long seq) => StoredAudit.Row(service, seq, seq == 1 ? AuditHash.Genesis : StoredAudit.Hash((char)('0' + seq - 1)), StoredAudit.Hash((char)('0' + seq)), "it-rounds", Orgs.Office, at);

        // Rows 4-5 arrive first (row 4's predecessor not yet here), then a round of 1-3, then a relay
        // that crashed before its cursor moved publishes 2-5 again with row 6 committed since.
        await _store.DeliverAsync([Row(4), Row(5)]);
        Assert.True(Assert.Single(await _store.CopiesAsync(service, "changes", 4)).LinkBroken);
        await _store.DeliverAsync([Row(1), Row(2), Row(3)]);
        await _store.DeliverAsync([Row(2), Row(3), Row(4), Row(5), Row(6)]);

        for (var seq = 1; seq <= 6; seq++)
        {
            var copy = Assert.Single(await _store.CopiesAsync(service, "changes", seq));
            Assert.Equal(StoredAudit.Hash((char)('0' + seq)), copy.RowHash);
            Assert.False(copy.LinkBroken, $"row {seq} should link to row {seq - 1}");
        }
    }

    [Fact]
    public async Task ARoundWhoseMiddleRowWasRewrittenAtTheSourceFlagsTheRowsThatNoLongerLink()
    {
        var service = "it-" + Guid.NewGuid().ToString("N")[..12];
        var at = system.Clock.GetUtcNow();
        var rewritten = StoredAudit.Row(service, 2, StoredAudit.Hash('1'), StoredAudit.Hash('x'), "it-rewritten", Orgs.Office, at);

        await _store.DeliverAsync([
            StoredAudit.Row(service, 1, AuditHash.Genesis, StoredAudit.Hash('1'), "it-rewritten", Orgs.Office, at),
            rewritten,
            StoredAudit.Row(service, 3, StoredAudit.Hash('2'), StoredAudit.Hash('3'), "it-rewritten", Orgs.Office, at),
        ]);

        Assert.False(Assert.Single(await _store.CopiesAsync(service, "changes", 2)).LinkBroken);
        Assert.True(Assert.Single(await _store.CopiesAsync(service, "changes", 3)).LinkBroken);
    }

    [Fact]
    public async Task SearchesByUserOrganisationRecordAndTimeFindTheirRowsAndNothingOutsideTheCallersSubtree()
    {
        var service = "it-" + Guid.NewGuid().ToString("N")[..12];
        var user = "it-search-" + Guid.NewGuid().ToString("N")[..8];
        var record = Guid.NewGuid().ToString();
        // An hour of its own, years back, that no other test's rows fall in.
        var start = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Random.Shared.Next(1, 100_000));
        (long Seq, string Organisation, int Minute)[] made =
        [
            (1, Orgs.Office, 0), (2, Orgs.Office, 10), (3, Orgs.OtherOffice, 20), (4, Orgs.Prison, 30), (5, Orgs.Office, 40),
        ];
        var previous = AuditHash.Genesis;
        foreach (var (seq, organisation, minute) in made)
        {
            var hash = StoredAudit.Hash((char)('0' + seq));
            await _store.DeliverAsync(StoredAudit.Row(service, seq, previous, hash, user, organisation, start.AddMinutes(minute), recordId: record));
            previous = hash;
        }

        var county = AuditAdmin(Orgs.County);
        var province = AuditAdmin(Orgs.Province);
        var hour = new AuditFilter { RecordedFrom = Timestamp.FromDateTimeOffset(start), RecordedTo = Timestamp.FromDateTimeOffset(start.AddHours(1)) };

        // Newest first; the county's audit administrator sees its office's rows only, the province's all three organisations'.
        Assert.Equal([5L, 2, 1], await SeqsAsync(county, new AuditFilter { ActorUserId = user }));
        Assert.Equal([5L, 4, 3, 2, 1], await SeqsAsync(province, new AuditFilter { ActorUserId = user }));
        Assert.Equal([5L, 2, 1], await SeqsAsync(county, new AuditFilter(hour) { ActorOrganisation = Orgs.Office }));
        Assert.Empty(await SeqsAsync(county, new AuditFilter(hour) { ActorOrganisation = Orgs.OtherOffice }));
        Assert.Equal([3L], await SeqsAsync(province, new AuditFilter(hour) { ActorOrganisation = Orgs.OtherOffice }));
        Assert.Equal([5L, 2, 1], await SeqsAsync(county, new AuditFilter { RecordType = "application", RecordId = record }));
        Assert.Equal([3L], await SeqsAsync(AuditAdmin(Orgs.OtherCounty), new AuditFilter { RecordType = "application", RecordId = record }));
        Assert.Equal([4L, 3], await SeqsAsync(province, new AuditFilter { RecordedFrom = Timestamp.FromDateTimeOffset(start.AddMinutes(20)), RecordedTo = Timestamp.FromDateTimeOffset(start.AddMinutes(40)) }));
        Assert.Equal([2L, 1], await SeqsAsync(county, new AuditFilter { RecordedFrom = Timestamp.FromDateTimeOffset(start), RecordedTo = Timestamp.FromDateTimeOffset(start.AddMinutes(30)) }));
    }

    [Fact]
    public async Task ASearchPagesNewestFirstThroughItsToken()
    {
        var service = "it-" + Guid.NewGuid().ToString("N")[..12];
        var user = "it-pages-" + Guid.NewGuid().ToString("N")[..8];
        var at = system.Clock.GetUtcNow();
        var previous = AuditHash.Genesis;
        for (var seq = 1; seq <= 5; seq++)
        {
            var hash = StoredAudit.Hash((char)('0' + seq));
            await _store.DeliverAsync(StoredAudit.Row(service, seq, previous, hash, user, Orgs.Office, at.AddSeconds(seq)));
            previous = hash;
        }

        var admin = AuditAdmin(Orgs.County);
        var first = await admin.SearchAuditAsync(new SearchAuditRequest { Filter = new AuditFilter { ActorUserId = user }, Page = new() { PageSize = 2 } });
        var second = await admin.SearchAuditAsync(new SearchAuditRequest { Filter = new AuditFilter { ActorUserId = user }, Page = new() { PageSize = 2, PageToken = first.NextPageToken } });
        var third = await admin.SearchAuditAsync(new SearchAuditRequest { Filter = new AuditFilter { ActorUserId = user }, Page = new() { PageSize = 2, PageToken = second.NextPageToken } });

        Assert.Equal([5L, 4], first.Rows.Select(r => r.Seq));
        Assert.Equal([3L, 2], second.Rows.Select(r => r.Seq));
        Assert.Equal([1L], third.Rows.Select(r => r.Seq));
        Assert.Empty(third.NextPageToken);
    }

    [Fact]
    public async Task EveryRoleButTheAuditAdministratorIsRefusedBothCalls()
    {
        foreach (var role in Roles.All.Where(role => role != Roles.AuditAdministrator))
        {
            var organisation = role switch
            {
                Roles.Clerk => Orgs.Office,
                Roles.Officer or Roles.Director => Orgs.Prison,
                Roles.VenueStaff => Orgs.Venue,
                Roles.Operator or Roles.SystemAdministrator or Roles.SecurityAdministrator => Orgs.Province,
                _ => Orgs.County,
            };
            var client = system.AuditStore(VisitationSystem.Token(role, organisation));

            var search = await Assert.ThrowsAsync<RpcException>(async () => await client.SearchAuditAsync(new SearchAuditRequest()));
            var export = await Assert.ThrowsAsync<RpcException>(async () => await client.ExportAuditAsync(new ExportAuditRequest()));

            Assert.Equal(StatusCode.PermissionDenied, search.StatusCode);
            Assert.Equal(StatusCode.PermissionDenied, export.StatusCode);
        }
    }

    [Fact]
    public async Task AnExportHoldsTheRowsASearchFindsAsCsvAndIsItselfAudited()
    {
        var service = "it-" + Guid.NewGuid().ToString("N")[..12];
        var user = "it-export-" + Guid.NewGuid().ToString("N")[..8];
        var at = system.Clock.GetUtcNow();
        await _store.DeliverAsync(StoredAudit.Row(service, 1, AuditHash.Genesis, StoredAudit.Hash('1'), user, Orgs.Office, at, eventType: "ApplicationWithdrawn"));
        await _store.DeliverAsync(StoredAudit.Row(service, 2, StoredAudit.Hash('1'), StoredAudit.Hash('2'), user, Orgs.Office, at.AddSeconds(1)));
        var exporter = "auditadmin-" + Guid.NewGuid().ToString("N")[..8];
        var admin = system.AuditStore(VisitationSystem.Token(Roles.AuditAdministrator, Orgs.County, exporter));
        var filter = new AuditFilter { ActorUserId = user };

        var searched = await admin.SearchAuditAsync(new SearchAuditRequest { Filter = filter });
        var exported = await admin.ExportAuditAsync(new ExportAuditRequest { Filter = filter });

        var lines = Encoding.UTF8.GetString(exported.Csv.Span).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("service,chain,seq,recorded_at,actor_user_id,", lines[0], StringComparison.Ordinal);
        Assert.Equal(searched.Rows.Select(r => r.RowHash), lines.Skip(1).Select(line => line.Split(',')[16]));
        Assert.Equal(2, exported.RowCount);
        Assert.False(exported.Truncated);
        var own = (await AuditRows.AllAsync(system.AuditStoreDatabase)).Where(row => row.ActorUserId == exporter).ToList();
        Assert.Equal(["AuditSearched", "Exported"], own.Select(row => row.EventType));
        Assert.All(own, row => Assert.Equal((Roles.AuditAdministrator, Orgs.County, "reads", "audit_review"), (row.ActorRole, row.ActorOrganisation, row.Chain, row.Purpose)));
        Assert.Equal("rows:2", own[1].Outcome);
    }

    [Fact]
    public async Task ABadFilterIsRefusedWithEveryBadFieldNamed()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await AuditAdmin(Orgs.County).SearchAuditAsync(new SearchAuditRequest
        {
            Filter = new AuditFilter
            {
                RecordId = "x",
                EventType = "NoSuchEvent",
                RecordedFrom = Timestamp.FromDateTimeOffset(system.Clock.GetUtcNow()),
                RecordedTo = Timestamp.FromDateTimeOffset(system.Clock.GetUtcNow().AddDays(-1)),
            },
            Page = new() { PageToken = "not-a-token" },
        }));
        // An enum number the proto does not define is refused by the input rule set before the handler's own checks.
        var undefined = await Assert.ThrowsAsync<RpcException>(async () => await AuditAdmin(Orgs.County).SearchAuditAsync(new SearchAuditRequest
        {
            Filter = new AuditFilter { Service = (AuditService)99 },
        }));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["filter.event_type", "filter.record_id", "filter.recorded_to", "page.page_token"], ViolatedFields(refused));
        Assert.Equal(StatusCode.InvalidArgument, undefined.StatusCode);
        Assert.Equal(["filter.service"], ViolatedFields(undefined));
    }

    private static IEnumerable<string> ViolatedFields(RpcException refused) =>
        refused.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal);

    private AuditStoreService.AuditStoreServiceClient AuditAdmin(string organisation) =>
        system.AuditStore(VisitationSystem.Token(Roles.AuditAdministrator, organisation));

    private static async Task<List<long>> SeqsAsync(AuditStoreService.AuditStoreServiceClient client, AuditFilter filter) =>
        [.. (await client.SearchAuditAsync(new SearchAuditRequest { Filter = filter })).Rows.Select(r => r.Seq)];
}
