using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Visitation.AuditStore.Features.Verify;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using AuditTables = Visitation.Messaging.Audit.AuditStore;

namespace Visitation.IntegrationTests.Recovery;

/// <summary>
/// The restore drill (docs/backup-restore.md): an application taken to its visit and both SMS; every
/// database backed up with deploy/backup.sh while the system runs — the audit store first, then an
/// audited read the store's dump lacks, then the five services; restored with deploy/restore.sh into
/// fresh databases beside the run's; the services started on them, on a virtual host of their own;
/// and the application read back through the gRPC API. Its timeline, its visit and its SMS are as they
/// were; the events the restore publishes again (the last of each outbox) change nothing and send no
/// SMS twice; the audit row the store's dump lacked is relayed again; every restored chain verifies.
/// </summary>
public sealed class RestoreDrillTests(VisitationSystem system)
{
    /// <summary>Published events each service publishes again after the restore: more than this drill's application made in any one of them.</summary>
    private const int ReplayRows = 20;

    private static readonly string[] ChainServices = [.. VisitationSystem.ServiceNames];

    [Fact]
    public async Task AnApplicationRestoredFromTheBackupIntoFreshDatabasesIsWholeAndHearsNothingTwice()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var chain = new ChainDriver(system);
        var family = new Family(system.Clock);
        var (id, proposal) = await chain.DriveToProposalAsync(family, "备份" + family.Phone[^4..]);
        await chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);

        var folder = Path.Combine(Path.GetTempPath(), "restore-drill-" + Guid.NewGuid().ToString("N")[..12]);
        var restoredPrefix = system.DatabasePrefix + "restored_";
        try
        {
            await BackupAsync(folder, VisitationSystem.AuditStoreName);
            // An audited read after the store's dump and before the application's: the restored store must get it from the relay.
            var application = await chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id });
            var lastRead = await NewestAuditSeqAsync(system.Databases["application"], "reads");
            await Eventually.Until(() => StoreHoldsAsync(system.AuditStoreDatabase, "reads", lastRead), held => held, "the run's audit store to hold the read");
            // And the relay's cursor past it, in the dump to come: only the restore's rewind can send it to the restored store.
            await Eventually.Until(() => RelayCursorAsync(system.Databases["application"], "reads"), cursor => cursor >= lastRead, "the application's relay cursor to pass the read");
            await BackupAsync(folder, string.Join(' ', ChainServices));
            var visit = await chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = proposal.VisitId });
            var messages = await system.Notification(ClerkToken).ListMessagesAsync(new ListMessagesRequest { ApplicationId = id });
            var sent = (await system.SmsTo(family.Phone)).Count;

            var restore = await DeployScript.RunAsync("deploy/restore.sh", ["--prefix", restoredPrefix, "--replay-rows", $"{ReplayRows}", folder], Server);
            Assert.All(ChainServices, service => Assert.Contains($"restored {restoredPrefix}{service}; ", restore, StringComparison.Ordinal));
            // The visit's and the SMS's events carry no personal data: they go out again (the application's and the approvals' were emptied once sent).
            Assert.Matches($"restored {restoredPrefix}scheduling; [1-9][0-9]* published events marked", restore);
            Assert.Matches($"restored {restoredPrefix}notification; [1-9][0-9]* published events marked", restore);

            var vhost = await system.CreateVirtualHostAsync("_restored");
            var hosts = new Dictionary<string, IServiceHost>();
            try
            {
                foreach (var service in ChainServices.Append(VisitationSystem.AuditStoreName))
                {
                    hosts[service] = system.StartHost(service, new Dictionary<string, string>
                    {
                        ["ConnectionStrings:Database"] = Restored(restoredPrefix, service),
                        ["ConnectionStrings:RabbitMq"] = (vhost?.Amqp ?? system.Amqp).ToString(),
                    });
                }

                var clerk = new ApplicationService.ApplicationServiceClient(hosts["application"].Channel(ClerkToken));
                var officer = new SchedulingService.SchedulingServiceClient(hosts["scheduling"].Channel(VisitationSystem.Token(Roles.Officer, Orgs.Prison, "officer-sun")));
                var notification = new NotificationService.NotificationServiceClient(hosts["notification"].Channel(ClerkToken));

                // The replayed events published and consumed (or dropped as already had), as the fault tests wait for quiet;
                // the read relayed again to the restored store.
                await Eventually.Until(() => UnpublishedAsync(restoredPrefix), unpublished => unpublished == 0, "the restored outboxes to be published");
                if (vhost is not null)
                {
                    await Eventually.Until(async () => string.Join(", ", (await vhost.QueuesAsync()).Where(q => !q.IsErrorQueue && q.Messages > 0)),
                        busy => busy.Length == 0, "the restored services' queues to drain");
                }

                await Eventually.Until(() => StoreHoldsAsync(Restored(restoredPrefix, VisitationSystem.AuditStoreName), "reads", lastRead), held => held,
                    "the read the store's dump lacked to reach the restored store");

                Assert.Equal(application, await clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }));
                Assert.Equal(visit, await officer.GetVisitAsync(new GetVisitRequest { VisitId = proposal.VisitId }));
                Assert.Equal(messages, await notification.ListMessagesAsync(new ListMessagesRequest { ApplicationId = id }));
                Assert.Equal(sent, (await system.SmsTo(family.Phone)).Count);
                Assert.Equal(0, system.GatewayDuplicatesTo([family]));

                foreach (var service in ChainServices)
                {
                    Assert.Null(await AuditTables.VerifyAsync(Restored(restoredPrefix, service), TestContext.Current.CancellationToken));
                }

                await using (var scope = hosts[VisitationSystem.AuditStoreName].Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<AuditChainVerification>().RunAsync(TestContext.Current.CancellationToken);
                }

                Assert.Empty(await BrokenChainsAsync(Restored(restoredPrefix, VisitationSystem.AuditStoreName)));
            }
            finally
            {
                foreach (var host in hosts.Values)
                {
                    await host.DisposeAsync();
                }

                if (vhost is not null)
                {
                    await vhost.DisposeAsync();
                }
            }
        }
        finally
        {
            await DropAsync(restoredPrefix);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string ClerkToken => VisitationSystem.Token(Roles.Clerk, Orgs.Office, "clerk-li");

    private Dictionary<string, string> Server => new() { ["VISITATION_POSTGRES"] = system.PostgresServer };

    private Task<string> BackupAsync(string folder, string services) =>
        DeployScript.RunAsync("deploy/backup.sh", ["--prefix", system.DatabasePrefix, "--services", services, folder], Server);

    private string Restored(string prefix, string service) =>
        new NpgsqlConnectionStringBuilder(system.PostgresServer) { Database = prefix + service }.ConnectionString;

    private static async Task<long> NewestAuditSeqAsync(string database, string chain)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM audit_log WHERE chain = @chain", connection);
        command.Parameters.AddWithValue("chain", chain);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> RelayCursorAsync(string database, string chain)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT last_seq FROM audit_relay_cursor WHERE chain = @chain", connection);
        command.Parameters.AddWithValue("chain", chain);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Whether an audit store holds the application service's row at <paramref name="seq"/> of the chain.</summary>
    private static async Task<bool> StoreHoldsAsync(string store, string chain, long seq)
    {
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM audit_rows WHERE service = 'application' AND chain = @chain AND seq = @seq", connection);
        command.Parameters.AddWithValue("chain", chain);
        command.Parameters.AddWithValue("seq", seq);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    /// <summary>Outbox rows not yet published, over the restored services' databases.</summary>
    private async Task<long> UnpublishedAsync(string prefix)
    {
        var total = 0L;
        foreach (var service in ChainServices)
        {
            await using var connection = new NpgsqlConnection(Restored(prefix, service));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", connection);
            total += (long)(await command.ExecuteScalarAsync())!;
        }

        return total;
    }

    /// <summary>The chains of the five services the store's verification holds broken (other tests' made-up chains aside).</summary>
    private static async Task<List<string>> BrokenChainsAsync(string store)
    {
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT service || ' ' || chain || ': ' || broken_reason FROM audit_chain_checks WHERE broken_seq IS NOT NULL AND service = ANY(@services)", connection);
        command.Parameters.AddWithValue("services", ChainServices.Select(s => s.Replace('_', '-')).Append("audit-store").ToArray());
        var broken = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            broken.Add(reader.GetString(0));
        }

        return broken;
    }

    private async Task DropAsync(string prefix)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(system.PostgresServer) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        foreach (var service in ChainServices.Append(VisitationSystem.AuditStoreName))
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{prefix}{service}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
