using Npgsql;
using RabbitMQ.Client;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Testing.Processes;

namespace Visitation.IntegrationTests.Security;

/// <summary>
/// Each service of the run connects as its own PostgreSQL role and RabbitMQ user (docs/local-credentials.md;
/// <see cref="RunAccounts"/>, from deploy/local/service-accounts.json as deploy/local/infra.sh's are), and
/// those accounts reach that service's own data only: the servers refuse the rest with their own codes
/// (PostgreSQL 42501 insufficient_privilege, RabbitMQ 403 ACCESS_REFUSED). That the chain works with
/// them is what every other test of the run shows.
/// </summary>
public sealed class ServiceAccountsTests(VisitationSystem system)
{
    private const string InsufficientPrivilege = "42501";
    private const int AccessRefused = 403;
    private const string NeedsLocalServers = "The services' own accounts are made through the broker's management API: run the tests with deploy/test.sh's servers.";

    private static readonly string[] RunServices = [.. VisitationSystem.ServiceNames, VisitationSystem.AuditStoreName];

    public static TheoryData<string> Services => new(RunServices);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task AServicesRoleIsNoSuperuserAndReachesItsOwnDatabaseOnly(string service)
    {
        Assert.True(system.RunsServicesAsTheirOwnAccounts, NeedsLocalServers);
        var own = new NpgsqlConnectionStringBuilder(system.SettingsOf(service)["ConnectionStrings:Database"]) { Pooling = false };
        await using (var connection = new NpgsqlConnection(own.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT r.rolsuper OR r.rolcreatedb OR r.rolcreaterole OR r.rolbypassrls, (SELECT count(*) FROM \"__EFMigrationsHistory\") " +
                "FROM pg_roles r WHERE r.rolname = current_user", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.False(reader.GetBoolean(0), $"{own.Username} holds a privilege beyond its database");
            Assert.True(reader.GetInt64(1) > 0, "the role reads its own database's tables");
        }

        Assert.NotEqual(new NpgsqlConnectionStringBuilder(system.Databases.Values.First()).Username, own.Username);
        var others = RunServices.Where(other => other != service).Select(DatabaseOf).Append("postgres").ToList();
        foreach (var database in others)
        {
            Assert.Equal(InsufficientPrivilege, await SqlStateOpeningAsync(new NpgsqlConnectionStringBuilder(own.ConnectionString) { Database = database }.ConnectionString));
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task AServicesBrokerUserCannotTakeAnotherServicesMessagesNorPublishOrHearAnotherServicesEvents(string service)
    {
        Assert.True(system.RunsServicesAsTheirOwnAccounts, NeedsLocalServers);
        var ct = TestContext.Current.CancellationToken;
        var account = ServiceAccount.Named(service.Replace('_', '-'));
        var queues = (await system.VirtualHost!.QueuesAsync()).Select(queue => queue.Name).ToList();
        await using var connection = await new ConnectionFactory { Uri = new Uri(system.SettingsOf(service)["ConnectionStrings:RabbitMq"]) }.CreateConnectionAsync(ct);

        // Allowed, so that the refusals below are the permissions' and not a broken account: an exchange of its own, published to.
        var probe = $"{account.Name}-credentials-probe-{Guid.NewGuid():N}";
        Assert.Null(await RefusalAsync(connection, async (channel, token) =>
        {
            await channel.ExchangeDeclareAsync(probe, ExchangeType.Fanout, durable: false, autoDelete: false, cancellationToken: token);
            await channel.BasicPublishAsync(probe, string.Empty, "{}"u8.ToArray(), token);
            await channel.ExchangeDeleteAsync(probe, cancellationToken: token);
        }));

        foreach (var other in ServiceAccount.All.Where(other => other.Name != account.Name && RunServices.Any(run => run.Replace('_', '-') == other.Name)))
        {
            var theirQueue = queues.First(queue => queue.StartsWith(other.Name + "-", StringComparison.Ordinal));
            Assert.Equal(AccessRefused, await RefusalAsync(connection, (channel, token) => channel.BasicGetAsync(theirQueue, autoAck: false, token)));

            // (The audit store publishes only what every service does, AuditRowsRecorded: no event of its alone.)
            if (EventTap.EventTypes.FirstOrDefault(type => other.RabbitMq.MayPublish(type) && !account.RabbitMq.MayPublish(type)) is { } theirEvent)
            {
                Assert.Equal(AccessRefused, await RefusalAsync(connection, (channel, token) =>
                    channel.BasicPublishAsync(BrokerPermissions.ExchangeOf(theirEvent), string.Empty, "{}"u8.ToArray(), token).AsTask()));
            }
        }

        // The family's phone travels in ApplicationContactGiven, for notification only: no other service may bind it to a queue of its own.
        if (service != "notification")
        {
            Assert.Equal(AccessRefused, await RefusalAsync(connection, async (channel, token) =>
            {
                var queue = $"{account.Name}-credentials-probe-{Guid.NewGuid():N}";
                await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true, cancellationToken: token);
                await channel.QueueBindAsync(queue, BrokerPermissions.ExchangeOf(typeof(Contracts.Events.ApplicationContactGiven)), string.Empty, cancellationToken: token);
            }));
        }
    }

    private string DatabaseOf(string service) => new NpgsqlConnectionStringBuilder(system.SettingsOf(service)["ConnectionStrings:Database"]).Database!;

    private static async Task<string?> SqlStateOpeningAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            return null;
        }
        catch (PostgresException ex)
        {
            return ex.SqlState;
        }
    }

    /// <summary>
    /// Runs the action on a channel of its own (with publisher confirms, so a refused publish is seen): null
    /// when the broker allowed it, else the reply code with which it closed the channel.
    /// </summary>
    private static async Task<int?> RefusalAsync(IConnection connection, Func<IChannel, CancellationToken, Task> action)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        try
        {
            await action(channel, ct);
            return null;
        }
        catch (Exception)
        {
            // Whatever the client throws, the channel's close reason says what the broker answered.
            return channel.CloseReason?.ReplyCode ?? -1;
        }
    }
}
