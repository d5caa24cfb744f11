using System.Diagnostics;
using Npgsql;
using RabbitMQ.Client;
using Visitation.Benchmarks.Infrastructure;

namespace Visitation.Benchmarks;

/// <summary>The machine's ceiling in the same run: what PostgreSQL and RabbitMQ do alone, without the services.</summary>
public sealed record Ceiling(double PostgresCommitsPerSecond, double RabbitConfirmedPublishesPerSecond);

/// <summary>
/// Two short probes, run after the load while the services idle: single-row INSERT commits from 8
/// connections (as LOCAL-INFRA.md measured ~13,500/s), and persistent publishes with publisher
/// confirms from 16 channels into a durable queue. What one application needs of each, divided into
/// these rates, is the most applications a second the servers could carry if nothing else cost anything.
/// </summary>
public static class CeilingProbes
{
    private const int Connections = 8;
    private const int Channels = 16;

    public static async Task<Ceiling> MeasureAsync(RunDatabases databases, Uri amqp, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(databases);
        return new Ceiling(await PostgresAsync(databases, duration), await RabbitAsync(amqp, duration));
    }

    private static async Task<double> PostgresAsync(RunDatabases databases, TimeSpan duration)
    {
        var database = databases.Name("probe");
        await using (var admin = await databases.OpenAsync("postgres"))
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        await using (var setup = await databases.OpenAsync(database))
        {
            await using var table = new NpgsqlCommand("CREATE TABLE probe (id bigserial PRIMARY KEY, value int NOT NULL)", setup);
            await table.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            await using var connection = await databases.OpenAsync(database);
            await using var insert = new NpgsqlCommand("INSERT INTO probe (value) VALUES (1)", connection);
            await insert.PrepareAsync();
            var commits = 0L;
            while (clock.Elapsed < duration)
            {
                await insert.ExecuteNonQueryAsync(); // autocommit: one commit each
                commits++;
            }

            return commits;
        }));
        return counts.Sum() / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RabbitAsync(Uri amqp, TimeSpan duration)
    {
        const string queue = "bench-ceiling-probe";
        var factory = new ConnectionFactory { Uri = amqp };
        await using var connection = await factory.CreateConnectionAsync();
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using (var setup = await connection.CreateChannelAsync())
        {
            await setup.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        }

        var body = new byte[512];
        var properties = new BasicProperties { Persistent = true };
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, Channels).Select(async _ =>
        {
            await using var channel = await connection.CreateChannelAsync(options);
            var confirmed = 0L;
            while (clock.Elapsed < duration)
            {
                await channel.BasicPublishAsync("", queue, mandatory: false, properties, body); // returns once the broker confirmed it
                confirmed++;
            }

            return confirmed;
        }));
        var rate = counts.Sum() / clock.Elapsed.TotalSeconds;
        await using (var cleanup = await connection.CreateChannelAsync())
        {
            await cleanup.QueueDeleteAsync(queue);
        }

        return rate;
    }
}
