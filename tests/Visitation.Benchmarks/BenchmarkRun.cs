using System.Diagnostics;
using System.Globalization;
using Visitation.Benchmarks.Infrastructure;
using Visitation.Benchmarks.Load;
using Visitation.Benchmarks.Province;

namespace Visitation.Benchmarks;

/// <summary>
/// One run at one number of instances per service, on databases and a virtual host of its own that
/// are removed afterwards: start, import, warm up, measure the load, let the statistics settle, probe
/// the ceiling.
/// </summary>
public sealed class BenchmarkRun(BenchOptions options, BenchClock clock, GeneratedProvince province, string resultsDirectory, Action<string> say)
{
    private const int TopStatements = 80;

    public async Task<RunResult> RunAsync(int instances)
    {
        var runId = string.Create(CultureInfo.InvariantCulture, $"bench{clock.Real.GetUtcNow():yyyyMMddHHmmss}i{instances}");
        var logs = Directory.CreateDirectory(Path.Combine(resultsDirectory, $"logs-{instances}-instance{(instances == 1 ? "" : "s")}")).FullName;
        await using var databases = new RunDatabases(options.Postgres, runId);
        await using var rabbit = new RabbitManagement(new Uri(options.RabbitManagement), runId);
        await rabbit.CreateVirtualHostAsync();
        var amqp = new UriBuilder(options.RabbitMq) { Path = "/" + runId }.Uri;
        ChainDriver? driver = null;
        await using var gateway = await BenchSmsGateway.StartAsync(clock.Chain, sms => driver?.SmsArrived(sms));
        say($"starting {instances} instance(s) of each service (logs in {logs})");
        await using var fleet = await ServiceFleet.StartAsync(instances, databases, _ => amqp.ToString(), province.Directory, gateway.Address, clock.ServiceSettings, logs);
        say($"service processes (for dotnet-trace/dotnet-counters -p): {string.Join(", ", fleet.Processes.Select(p => $"{p.Name} {p.ProcessId}"))}");
        using var calls = new StaffCalls(fleet, clock.Real);
        driver = new ChainDriver(calls, options.Poll, clock);
        using var stop = new CancellationTokenSource();
        var watching = driver.WatchAsync(stop.Token);

        var today = clock.ChinaToday;
        var runs = Enumerable.Range(0, options.Warmup + options.Applications).Select(i => new ApplicationRun(i, BenchFamily.Of(i, province, today))).ToList();
        say($"importing {runs.Count} inmates into {province.Prisons.Count} prisons' registers");
        await driver.ImportInmatesAsync(runs.Select(r => r.Family), stop.Token);
        var warmup = runs.Take(options.Warmup).ToList();
        var measured = runs.Skip(options.Warmup).ToList();
        say($"warming up with {warmup.Count} application(s)");
        await LoadShapes.ClosedLoopAsync(driver, warmup, 4, options.Drain, stop.Token);

        var cpu = new CpuSampler([.. fleet.Processes, .. await InfrastructureProcessesAsync(databases, rabbit)]);
        var (commitsBefore, messagesBefore) = await SettledCountsAsync(databases, rabbit);
        var statements = new StatementCounts(databases);
        await statements.ResetAsync();
        var cpuBefore = cpu.Read();
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        say($"load: {measured.Count} applications, {options.LoadDescription}");
        var start = Stopwatch.GetTimestamp();
        if (options.Shape == LoadShape.OpenLoop)
        {
            await LoadShapes.OpenLoopAsync(driver, measured, options.Rate, options.Drain, stop.Token);
        }
        else
        {
            await LoadShapes.ClosedLoopAsync(driver, measured, options.Concurrency, options.Drain, stop.Token);
        }

        var cpuUsed = cpu.Since(cpuBefore);
        var clientUsed = Process.GetCurrentProcess().TotalProcessorTime - clientBefore;
        var completed = measured.Where(r => r.Succeeded).ToList();
        var end = completed.Count == 0 ? Stopwatch.GetTimestamp() : completed.Max(r => r.At(Moment.ScheduledSms));
        var seconds = Stopwatch.GetElapsedTime(start, end).TotalSeconds;
        var (commitsAfter, messagesAfter) = await SettledCountsAsync(databases, rabbit);
        var topStatements = await statements.TopAsync(Math.Max(1, completed.Count), TopStatements);
        var statementTotals = await statements.TotalsAsync(Math.Max(1, completed.Count));
        await stop.CancelAsync();
        await watching;
        say("probing the machine's ceiling (PostgreSQL commits, RabbitMQ confirmed publishes)");
        var ceiling = await CeilingProbes.MeasureAsync(databases, amqp, options.Smoke ? TimeSpan.FromSeconds(0.5) : TimeSpan.FromSeconds(3));

        var perApplication = Math.Max(1, completed.Count);
        var messages = messagesAfter - messagesBefore;
        var cpuMs = cpuUsed.ToDictionary(p => p.Key, p => Math.Round(p.Value * 1000 / perApplication, 1));
        cpuMs["all"] = Math.Round(cpuUsed.Values.Sum() * 1000 / perApplication, 1);
        return new RunResult
        {
            InstancesPerService = instances,
            Load = options.LoadDescription,
            Applications = measured.Count,
            Completed = completed.Count,
            Failures = [.. measured.Where(r => !r.Succeeded).Select(r => $"#{r.Index} {r.ApplicationId}: {r.Failure ?? $"did not reach its scheduled SMS in time (furthest: {r.LastReached?.ToString() ?? "nothing"})"}").Take(20)],
            DuplicateSms = gateway.Duplicates,
            ChainDay = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FirstVisitDay = completed.Select(r => r.VisitDay).Order(StringComparer.Ordinal).FirstOrDefault() ?? "",
            LastVisitDay = completed.Select(r => r.VisitDay).Order(StringComparer.Ordinal).LastOrDefault() ?? "",
            Seconds = Math.Round(seconds, 2),
            ApplicationsPerSecond = Math.Round(completed.Count / Math.Max(seconds, 0.001), 2),
            Legs = [.. Leg.All.Select(l => l.Figures(completed))],
            CpuMsPerApplication = cpuMs,
            ClientCpuMsPerApplication = Math.Round(clientUsed.TotalMilliseconds / perApplication, 1),
            CommitsPerApplication = Math.Round((commitsAfter - commitsBefore) / (double)perApplication, 1),
            MessagesPublishedPerApplication = Math.Round(messages.Published / (double)perApplication, 1),
            MessagesDeliveredPerApplication = Math.Round(messages.Delivered / (double)perApplication, 1),
            Ceiling = new Ceiling(Math.Round(ceiling.PostgresCommitsPerSecond), Math.Round(ceiling.RabbitConfirmedPublishesPerSecond)),
            StatementsMeasured = statements.Available,
            TopStatements = topStatements,
            StatementTotals = statementTotals,
        };
    }

    /// <summary>PostgreSQL's and RabbitMQ's processes, when they run on this machine (they must, for their CPU to be read).</summary>
    private static async Task<IEnumerable<MeasuredProcess>> InfrastructureProcessesAsync(RunDatabases databases, RabbitManagement rabbit)
    {
        var found = new List<MeasuredProcess>();
        if (await databases.PostmasterProcessIdAsync() is { } postmaster)
        {
            found.Add(new MeasuredProcess("postgresql", postmaster, WithChildren: true));
        }

        if (await rabbit.BrokerProcessIdAsync() is { } broker)
        {
            found.Add(new MeasuredProcess("rabbitmq", broker, WithChildren: true));
        }

        return found;
    }

    /// <summary>
    /// Commits and messages once both stopped moving: PostgreSQL reports a backend's commits up to ~10 s
    /// late when it goes idle, the management API its rates every 5 s. Smoke mode does not wait.
    /// </summary>
    private async Task<(long Commits, MessageCounts Messages)> SettledCountsAsync(RunDatabases databases, RabbitManagement rabbit)
    {
        var limit = Stopwatch.StartNew();
        var last = (await databases.CommitsAsync(), await rabbit.MessagesAsync());
        while (!options.Smoke && limit.Elapsed < TimeSpan.FromSeconds(16))
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            var now = (await databases.CommitsAsync(), await rabbit.MessagesAsync());
            if (now == last && limit.Elapsed > TimeSpan.FromSeconds(6))
            {
                break;
            }

            last = now;
        }

        return last;
    }
}
