using System.Collections.Concurrent;
using System.Diagnostics;
using Visitation.Benchmarks.Infrastructure;
using Visitation.Benchmarks.Load;
using Visitation.Benchmarks.Province;
using Visitation.Testing.Processes;

namespace Visitation.FailoverTests;

/// <summary>
/// The whole chain under the benchmark's load, for a failover test: the five services and the audit
/// store as processes of their own (one each) on the run's databases and broker, the province's
/// reference data, an SMS gateway that notes when each SMS arrives, and staff who act on every queue as
/// soon as work appears and repeat a call that answered UNAVAILABLE. A fault is set off mid-load, once
/// a number of applications have reached their SMS; the figures of the run say what it cost.
/// </summary>
public sealed class ChainUnderLoad : IAsyncDisposable
{
    /// <summary>How long an application may take to reach its SMS, fault included, before it counts as lost.</summary>
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(120);

    private readonly ConcurrentQueue<long> _arrivals = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<IAsyncDisposable> _owned = [];
    private ChainDriver? _driver;
    private Task _watching = Task.CompletedTask;

    private readonly BenchClock _clock;

    private ChainUnderLoad(string directory, BenchClock clock)
    {
        Directory = directory;
        _clock = clock;
    }

    /// <summary>Where the run keeps its reference data, the services' logs and its figures (under .local/failover/).</summary>
    public string Directory { get; }

    public RunDatabases Databases { get; private set; } = null!;

    public BenchSmsGateway Gateway { get; private set; } = null!;

    public IReadOnlyList<ApplicationRun> Runs { get; private set; } = [];

    /// <summary>
    /// Starts the services on <paramref name="postgres"/> (a database per service, named after the run)
    /// and each on its broker connection string, and registers the inmates of <paramref name="applications"/> families,
    /// all on the test's <paramref name="clock"/> (<see cref="FailoverClock"/>).
    /// </summary>
    public static async Task<ChainUnderLoad> StartAsync(string name, string postgres, Func<string, string> broker, int applications, BenchClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var runId = FailoverClock.RunName("fo");
        var chain = new ChainUnderLoad(System.IO.Directory.CreateDirectory(Path.Combine(Checkout.Root, ".local", "failover", $"{name}-{runId}")).FullName, clock);
        try
        {
            var province = ProvinceGenerator.Write(Path.Combine(chain.Directory, "reference-data"));
            chain.Databases = new RunDatabases(postgres, runId);
            chain._owned.Add(chain.Databases);
            chain.Gateway = await BenchSmsGateway.StartAsync(clock.Chain, chain.Arrived);
            chain._owned.Add(chain.Gateway);
            var logs = System.IO.Directory.CreateDirectory(Path.Combine(chain.Directory, "logs")).FullName;
            var fleet = await ServiceFleet.StartAsync(1, chain.Databases, broker, province.Directory, chain.Gateway.Address, clock.ServiceSettings, logs);
            chain._owned.Add(fleet);
            // Generous: on a machine shared with other test runs a call can take tens of seconds; a call
            // that never ends is still given up, and its application counted as not reaching its SMS.
            var calls = new StaffCalls(fleet, clock.Real, TimeSpan.FromSeconds(120));
            chain._driver = new ChainDriver(calls, TimeSpan.FromMilliseconds(100), clock);
            chain._watching = chain._driver.WatchAsync(chain._stop.Token);
            var today = clock.ChinaToday;
            chain.Runs = [.. Enumerable.Range(0, applications).Select(i => new ApplicationRun(i, BenchFamily.Of(i, province, today)))];
            await chain._driver.ImportInmatesAsync(chain.Runs.Select(r => r.Family), chain._stop.Token);
            return chain;
        }
        catch
        {
            await chain.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Keeps <paramref name="inFlight"/> applications going until all are used up, and once
    /// <paramref name="faultAfter"/> of them have reached their SMS, sets off <paramref name="fault"/>
    /// (the load goes on meanwhile). Returns the run's figures.
    /// </summary>
    public async Task<FailoverFigures> RunAsync(int inFlight, int faultAfter, Func<Task> fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var start = Stopwatch.GetTimestamp();
        var load = LoadShapes.ClosedLoopAsync(_driver!, Runs, inFlight, Drain, _stop.Token);
        while (Runs.Count(r => r.Succeeded) < faultAfter && !load.IsCompleted)
        {
            await Task.Delay(50);
        }

        var faultAt = Stopwatch.GetTimestamp();
        await fault();
        var faultDone = Stopwatch.GetTimestamp();
        await load;
        return FailoverFigures.Of(Runs, [.. _arrivals], start, faultAt, faultDone, Gateway.Duplicates) with { Redelivered = await RedeliveredAsync() };
    }

    /// <summary>
    /// The messages a consumer failed on and put back for a delayed redelivery (a minute at least: the
    /// scheduled_messages rows with a redelivery count), per service, with the fault's first words: what
    /// a fault cost beyond the reconnections.
    /// </summary>
    private async Task<IReadOnlyList<string>> RedeliveredAsync()
    {
        var redelivered = new List<string>();
        foreach (var (service, _) in ServiceFleet.Services)
        {
            await using var connection = new Npgsql.NpgsqlConnection(Databases.ConnectionString(service));
            await connection.OpenAsync();
            await using var query = new Npgsql.NpgsqlCommand(
                "SELECT s.message_type, left(coalesce(s.reason, ''), 160), s.redeliveries, " +
                "EXISTS (SELECT 1 FROM inbox_messages i WHERE i.message_id = s.message_id AND i.received_at < s.created_at) " +
                "FROM scheduled_messages s WHERE s.redeliveries > 0 ORDER BY s.id", connection);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var handledBefore = reader.GetBoolean(3) ? ", already handled by another copy when put back" : "";
                redelivered.Add($"{service}: {reader.GetString(0).Split(':')[^1]} (try {reader.GetInt32(2) + 1}{handledBefore}, after: {reader.GetString(1)})");
            }
        }

        return redelivered;
    }

    /// <summary>Appends a run's figures to <c>.local/failover/figures.md</c>, one line a run, and tells the test log.</summary>
    public void Record(string test, FailoverFigures figures, string detail)
    {
        ArgumentNullException.ThrowIfNull(figures);
        // The report's date is the machine's (the clock's real side), whatever day the chain lives on.
        var line = $"{_clock.Real.GetUtcNow():u} {test}: {figures} {detail}";
        File.AppendAllText(Path.Combine(Checkout.Root, ".local", "failover", "figures.md"), $"- {line}\n");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _watching;
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            try
            {
                await owned.DisposeAsync();
            }
            catch (Exception ex) when (ex is HttpRequestException or Npgsql.NpgsqlException)
            {
                // A server the test took away: the cluster is thrown away with what is on it.
            }
        }

        _stop.Dispose();
    }

    private void Arrived(GatewaySms sms)
    {
        _arrivals.Enqueue(Stopwatch.GetTimestamp());
        _driver?.SmsArrived(sms);
    }
}
