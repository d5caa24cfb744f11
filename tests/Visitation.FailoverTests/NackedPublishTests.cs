using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Visitation.Benchmarks.Infrastructure;
using Visitation.Messaging;
using Visitation.Messaging.Database;

namespace Visitation.FailoverTests;

/// <summary>An event the broker refuses while the test wants it to (top level: MassTransit names its exchange <c>Namespace:Name</c>).</summary>
public sealed record Refused(Guid Id);

/// <summary>
/// RabbitMQ 3.10's "channel that keeps nacking" (shared/design/LOCAL-INFRA.md, issue 17): a channel opened while
/// a quorum queue elected its leader nacked every publish for minutes; a new channel did not. A queue that takes
/// nothing (<c>x-max-length</c> 0, <c>reject-publish</c>) bound to the event's exchange makes the broker nack every
/// publish of it. Through the real outbox dispatcher and MassTransit, on a virtual host and a database of the
/// test's own: the row stays unsent with its failure recorded, the publish is tried again over another channel
/// (the nacked one is closed, not handed out again: <c>NackedPublishWatch</c>), and the row goes out once the
/// broker takes it — to a consumer that reconnected with the rest.
/// </summary>
public sealed class NackedPublishTests
{
    [Fact]
    public async Task APublishTheBrokerKeepsNackingIsTriedAgainOverAnotherChannelAndGoesOutOnceTheBrokerTakesIt()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var management = new Uri(TestServers.Get("VISITATION_TEST_RABBITMQ_MANAGEMENT"));
        var amqp = new Uri(TestServers.Get("VISITATION_TEST_RABBITMQ"));
        var server = TestServers.Get("VISITATION_TEST_POSTGRES");
        var clock = FailoverClock.Start().Chain;
        await using var virtualHost = new RabbitManagement(management, FailoverClock.RunName("fonack"));
        await virtualHost.CreateVirtualHostAsync();
        await using var database = await NackDatabase.CreateAsync(server);
        using var api = RabbitManagement.Client(management);
        var vhost = Uri.EscapeDataString(virtualHost.VirtualHost);
        // MassTransit publishes a message type to the fanout exchange named after it.
        var exchange = Uri.EscapeDataString($"{typeof(Refused).Namespace}:{nameof(Refused)}");
        await PutAsync(api, $"api/exchanges/{vhost}/{exchange}", new { type = "fanout", durable = true });
        await PutAsync(api, $"api/queues/{vhost}/takes-nothing", new { durable = true, arguments = new Dictionary<string, object> { ["x-max-length"] = 0, ["x-overflow"] = "reject-publish" } });
        await PostAsync(api, $"api/bindings/{vhost}/e/{exchange}/q/takes-nothing", new { routing_key = "" });

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseExtensions.ConnectionName}"] = database.ConnectionString,
            [$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = new UriBuilder(amqp) { Path = "/" + virtualHost.VirtualHost }.Uri.ToString(),
        });
        builder.Services.AddSingleton(clock);
        builder.AddServiceDatabase<NackContext>();
        // Its tables are created by EnsureCreated (NackDatabase): it has no migrations for the start-up's MigrateAsync to apply.
        builder.Services.ConfigureDbContext<NackContext>(
            options => options.ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning)), ServiceLifetime.Singleton);
        builder.AddServiceMessaging("nack-test", bus => bus.AddConsumer<RefusedConsumer>());
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        var received = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        builder.Services.AddSingleton(received);
        await using var app = builder.Build();
        await app.StartAsync(cancellation);
        var channels = new ChannelWatch(api, vhost);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var watch = channels.RunAsync(watching.Token);

        var id = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NackContext>();
            db.Publish(new Refused(id), clock.GetUtcNow());
            await db.SaveChangesAsync(cancellation);
        }

        // The broker nacks: the row stays unsent, and says why.
        var failed = await UntilAsync(() => database.RowAsync(), row => row is { SentAt: null, Attempts: >= 1, LastError.Length: > 0 }, TimeSpan.FromSeconds(60), "the refused event's row to record a failed publish");
        Assert.Null(failed.SentAt);

        // The channel the broker nacked on is closed while the row still waits, and the publish is tried again over another.
        var nacked = await UntilAsync(() => Task.FromResult(channels.Publishers()), p => p.Count >= 1, TimeSpan.FromSeconds(30), "a channel of the test's virtual host to show a publish");
        var first = nacked[0];
        await UntilAsync(
            () => Task.FromResult(channels.Snapshot()),
            seen => seen.Closed.Contains(first.Name) && seen.Publishers.Any(p => p.Name != first.Name),
            TimeSpan.FromSeconds(90),
            $"the nacked channel {first.Name} to be closed and a publish to go over another channel (a channel that keeps nacking would be used again)",
            seen => $"channels that published: {string.Join("; ", seen.Publishers.Select(p => $"{p.Name} ({p.Published})"))}; closed: {string.Join("; ", seen.Closed)}");
        // Still refused over the new channel: the row waits.
        Assert.Null((await database.RowAsync()).SentAt);

        // The broker takes the event again: the row goes out and is stamped sent, and the consumer (reconnected) gets it.
        using (var response = await api.DeleteAsync(new Uri($"api/queues/{vhost}/takes-nothing", UriKind.Relative), cancellation))
        {
            response.EnsureSuccessStatusCode();
        }

        var sent = await UntilAsync(() => database.RowAsync(), row => row.SentAt is not null, TimeSpan.FromSeconds(60), "the row to be published and stamped sent once the broker took it");
        Assert.Equal(id, await received.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellation));
        Assert.True(sent.Attempts >= 2, $"a failed publish and the one that went out count {sent.Attempts} attempt(s)");
        Assert.DoesNotContain(first.Name, channels.Snapshot().Open);

        await watching.CancelAsync();
        await watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        await app.StopAsync(cancellation);
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit, string what, Func<T, string>? describe = null)
    {
        var waited = Stopwatch.StartNew();
        var value = await read();
        while (!done(value))
        {
            if (waited.Elapsed > limit)
            {
                Assert.Fail($"Waited {limit.TotalSeconds:0} s for {what}.{(describe is null ? "" : " " + describe(value))}");
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
            value = await read();
        }

        return value;
    }

    private static async Task PutAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PutAsync(new Uri(path, UriKind.Relative), Json(body));
        response.EnsureSuccessStatusCode();
    }

    private static async Task PostAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsync(new Uri(path, UriKind.Relative), Json(body));
        response.EnsureSuccessStatusCode();
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}

/// <summary>Takes the refused event once the broker lets it through.</summary>
public sealed class RefusedConsumer(TaskCompletionSource<Guid> received) : IConsumer<Refused>
{
    public Task Consume(ConsumeContext<Refused> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        received.TrySetResult(context.Message.Id);
        return Task.CompletedTask;
    }
}

/// <summary>A service's database as the messaging library sees it: the outbox, inbox and timer tables only.</summary>
public sealed class NackContext(DbContextOptions<NackContext> options) : ServiceDbContext(options);

/// <summary>A fresh database of the test's own on the test server, with the library's tables; dropped afterwards.</summary>
internal sealed class NackDatabase(string server, string connectionString) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public static async Task<NackDatabase> CreateAsync(string server)
    {
        var name = "fonack_" + Guid.NewGuid().ToString("N");
        var database = new NackDatabase(server, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
        await using var db = database.NewContext();
        await db.Database.EnsureCreatedAsync(TestContext.Current.CancellationToken);
        return database;
    }

    public async Task<OutboxMessage> RowAsync()
    {
        await using var db = NewContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
    }

    public async Task<long> SentCountAsync()
    {
        await using var db = NewContext();
        return await db.OutboxMessages.LongCountAsync(m => m.SentAt != null, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private NackContext NewContext()
    {
        var options = new DbContextOptionsBuilder<NackContext>();
        options.UseServicePostgres(ConnectionString);
        return new NackContext(options.Options);
    }
}

/// <summary>
/// The channels of the test's virtual host as the management API lists them (its statistics come every second on
/// the test broker): which published, and which were open once and are gone.
/// </summary>
internal sealed class ChannelWatch(HttpClient api, string vhost)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _published = new(StringComparer.Ordinal);
    private readonly List<string> _publishedOrder = [];
    private readonly HashSet<string> _everOpen = new(StringComparer.Ordinal);
    private HashSet<string> _open = new(StringComparer.Ordinal);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await LookAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // A busy management API: look again, rather than end the watch and let the test fail on a wrong reason.
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private async Task LookAsync(CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync(new Uri($"api/vhosts/{vhost}/channels?columns=name,number,connection_details,message_stats", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var open = new HashSet<string>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var channel in json.RootElement.EnumerateArray())
            {
                var name = channel.GetProperty("name").GetString()!;
                open.Add(name);
                _everOpen.Add(name);
                if (channel.TryGetProperty("message_stats", out var stats) && stats.ValueKind == JsonValueKind.Object
                    && stats.TryGetProperty("publish", out var publish) && publish.GetInt64() > 0)
                {
                    if (_published.TryAdd(name, 0))
                    {
                        _publishedOrder.Add(name);
                    }

                    _published[name] = publish.GetInt64();
                }
            }

            _open = open;
        }
    }

    /// <summary>Channels that published, in the order first seen publishing.</summary>
    public IReadOnlyList<(string Name, long Published)> Publishers()
    {
        lock (_lock)
        {
            return [.. _publishedOrder.Select(name => (name, _published[name]))];
        }
    }

    public ChannelsSeen Snapshot()
    {
        lock (_lock)
        {
            return new ChannelsSeen([.. _publishedOrder.Select(name => (name, _published[name]))], [.. _open], [.. _everOpen.Except(_open)]);
        }
    }
}

internal sealed record ChannelsSeen(IReadOnlyList<(string Name, long Published)> Publishers, IReadOnlyList<string> Open, IReadOnlyList<string> Closed);
