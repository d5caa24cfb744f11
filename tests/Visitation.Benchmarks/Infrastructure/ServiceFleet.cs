using Visitation.Testing.Processes;

namespace Visitation.Benchmarks.Infrastructure;

/// <summary>
/// The five chain services and the audit store of a run, each as <c>instances</c> processes of its own (the build's dlls, as
/// deploy/run.sh starts them) on the run's databases, virtual host, reference data and SMS gateway.
/// They run in the Testing environment so the benchmark signs its own tokens (HS256, see
/// <see cref="BenchTokens"/>) instead of asking the identity service for thousands; every other
/// setting is production's default except the few a benchmark must change, listed in <see cref="SettingsFor"/>.
/// </summary>
public sealed class ServiceFleet : IAsyncDisposable
{
    public static IReadOnlyList<(string Name, string Project)> Services { get; } =
    [
        ("application", "Application"),
        ("bureau_review", "BureauReview"),
        ("prison_approval", "PrisonApproval"),
        ("scheduling", "Scheduling"),
        ("notification", "Notification"),
        // Every service relays its audit rows to the store with mandatory publishes: without it they would be returned and retried each round.
        ("audit_store", "AuditStore"),
    ];

    private readonly Dictionary<string, List<ServiceProcess>> _instances = [];

    private ServiceFleet()
    {
    }

    public IReadOnlyList<ServiceProcess> InstancesOf(string service) => _instances[service];

    public IEnumerable<MeasuredProcess> Processes =>
        _instances.SelectMany(s => s.Value.Select(p => new MeasuredProcess(s.Key, p.ProcessId, WithChildren: false)));

    /// <param name="broker">The broker connection string of each service, by name (one node, or a cluster's nodes in the order that service tries them).</param>
    public static async Task<ServiceFleet> StartAsync(int instances, RunDatabases databases, Func<string, string> broker, string referenceData, Uri gateway, IReadOnlyDictionary<string, string> clock, string logDirectory)
    {
        ArgumentNullException.ThrowIfNull(databases);
        var fleet = new ServiceFleet();
        var keys = RunProtectionKeys.Create();
        try
        {
            // The first instance of every service creates and migrates its database; only then the others
            // start, as a rolling deployment would (two first starts would both try CREATE DATABASE).
            for (var instance = 1; instance <= instances; instance++)
            {
                var starting = new List<ServiceProcess>();
                foreach (var (name, project) in Services)
                {
                    var settings = SettingsFor(name, databases.ConnectionString(name), broker(name), referenceData, gateway, [.. keys, .. clock]);
                    var process = ServiceProcess.Start(project, ServiceProcess.FreePort(), http2Only: true, Path.Combine(logDirectory, $"{name}-{instance}.log"), settings);
                    starting.Add(process);
                    fleet._instances.TryAdd(name, []);
                    fleet._instances[name].Add(process);
                }

                await Task.WhenAll(starting.Select(p => p.WaitHealthyAsync(http2: true)));
            }

            return fleet;
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _instances.Values.SelectMany(p => p))
        {
            await process.DisposeAsync();
        }
    }

    /// <summary>
    /// What a run changes from the services' defaults: where its data and broker are; the SMS limits
    /// per number and quiet hours that would hold a family's second SMS back for a minute or until the
    /// morning (as deploy/run.sh does for its demo); the run's own field-protection keys; and, with
    /// <c>--start-at</c>, the training clock that puts the services on the benchmark's day.
    /// </summary>
    private static Dictionary<string, string> SettingsFor(string service, string database, string broker, string referenceData, Uri gateway, IEnumerable<KeyValuePair<string, string>> common)
    {
        var settings = new Dictionary<string, string>(common)
        {
            ["ConnectionStrings:Database"] = database,
            ["ConnectionStrings:RabbitMq"] = broker,
            ["ReferenceData:Path"] = referenceData,
            // Information-level request logs of every call would cost more CPU than some services' work.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (service == "notification")
        {
            settings["SmsGateway:BaseUrl"] = gateway.ToString();
            settings["SmsDelivery:PerNumberPerMinute"] = "10";
            settings["SmsDelivery:QuietFrom"] = "00:00";
            settings["SmsDelivery:QuietUntil"] = "00:00";
        }

        return settings;
    }
}
