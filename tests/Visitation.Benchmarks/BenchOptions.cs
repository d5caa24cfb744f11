using System.Globalization;

namespace Visitation.Benchmarks;

/// <summary>How the load is offered: a target rate of submissions (open loop) or a number of applications in flight (closed loop).</summary>
public enum LoadShape
{
    OpenLoop,
    ClosedLoop,
}

/// <summary>The command line (docs/performance.md, "Running it").</summary>
public sealed record BenchOptions
{
    public LoadShape Shape { get; init; } = LoadShape.OpenLoop;

    /// <summary>Submissions a second in the open loop.</summary>
    public double Rate { get; init; } = 5;

    /// <summary>Applications in flight in the closed loop.</summary>
    public int Concurrency { get; init; } = 32;

    public int Applications { get; init; } = 300;

    /// <summary>One run per entry, each on fresh databases: "--instances 1,2" reports two instances of each service next to one.</summary>
    public IReadOnlyList<int> Instances { get; init; } = [1];

    /// <summary>Applications driven to their SMS before the counters start, so start-up and JIT are not measured.</summary>
    public int Warmup { get; init; } = 150;

    /// <summary>
    /// How often each role looks at its queues, as a member of staff who refreshes the page. A review's or
    /// approval's arrival is seen by the poll (up to one interval late); a proposal's is the time scheduling stamped on it.
    /// </summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long the last applications may take to reach their SMS after the last submission.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Smoke mode (CI): few applications, short probes, no waiting for the statistics to settle; no figure is meaningful.</summary>
    public bool Smoke { get; init; }

    public string? ResultsDirectory { get; init; }

    /// <summary>The instant the chain's clock reads when the program starts (the services' training clock); unset, the real clock.</summary>
    public DateTimeOffset? StartAt { get; init; }

    public string Postgres { get; init; } = Environment.GetEnvironmentVariable("VISITATION_POSTGRES") ?? "";

    public string RabbitMq { get; init; } = Environment.GetEnvironmentVariable("VISITATION_RABBITMQ") ?? "";

    public string RabbitManagement { get; init; } = Environment.GetEnvironmentVariable("VISITATION_RABBITMQ_MANAGEMENT") ?? "";

    public const string Usage =
        "usage: Visitation.Benchmarks [--rate N | --concurrency N] [--applications N] [--instances 1[,2]] [--warmup N] " +
        "[--poll-ms N] [--drain-s N] [--smoke] [--results DIR] [--start-at 2026-02-02T09:00:00+08:00] [--postgres CONN] [--rabbitmq URI] [--rabbitmq-management URI]";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        var smoke = args.Contains("--smoke");
        if (smoke)
        {
            // The smoke asserts that nothing is lost, not how fast: its drain outlasts a consumer's first
            // delayed redelivery (a minute, MessagingOptions), the chain's own way past a transient fault.
            options = options with { Smoke = true, Applications = 24, Warmup = 1, Concurrency = 8, Shape = LoadShape.ClosedLoop, Drain = TimeSpan.FromSeconds(100) };
        }

        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--smoke" => options,
                "--rate" => options with { Shape = LoadShape.OpenLoop, Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Shape = LoadShape.ClosedLoop, Concurrency = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--applications" => options with { Applications = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--instances" => options with { Instances = [.. Value().Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))] },
                "--warmup" => options with { Warmup = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--poll-ms" => options with { Poll = TimeSpan.FromMilliseconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--drain-s" => options with { Drain = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--results" => options with { ResultsDirectory = Value() },
                "--start-at" => options with { StartAt = DateTimeOffset.Parse(Value(), CultureInfo.InvariantCulture) },
                "--postgres" => options with { Postgres = Value() },
                "--rabbitmq" => options with { RabbitMq = Value() },
                "--rabbitmq-management" => options with { RabbitManagement = Value() },
                _ => throw new ArgumentException($"Unknown option {args[i]}. {Usage}"),
            };
        }

        if (string.IsNullOrEmpty(options.Postgres) || string.IsNullOrEmpty(options.RabbitMq) || string.IsNullOrEmpty(options.RabbitManagement))
        {
            throw new ArgumentException("PostgreSQL, RabbitMQ and its management API are needed: --postgres/--rabbitmq/--rabbitmq-management or " +
                "VISITATION_POSTGRES/VISITATION_RABBITMQ/VISITATION_RABBITMQ_MANAGEMENT (eval \"$(deploy/local/infra.sh env bench)\"; deploy/bench.sh does it).");
        }

        if (options.Applications < 1 || options.Instances.Any(n => n < 1) || options.Rate <= 0 || options.Concurrency < 1)
        {
            throw new ArgumentException($"Applications, instances, rate and concurrency must be positive. {Usage}");
        }

        return options;
    }

    public string LoadDescription => Shape == LoadShape.OpenLoop
        ? string.Create(CultureInfo.InvariantCulture, $"open loop, {Rate} applications/s offered")
        : string.Create(CultureInfo.InvariantCulture, $"closed loop, {Concurrency} applications in flight");
}
