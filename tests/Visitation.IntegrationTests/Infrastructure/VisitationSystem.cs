using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Visitation.Application;
using Visitation.AuditStore;
using Visitation.BureauReview;
using Visitation.DevSmsGateway;
using Visitation.Notification;
using Visitation.PrisonApproval;
using Visitation.Scheduling;
using Visitation.ServiceDefaults.Auth;
using Visitation.Testing.Processes;

[assembly: AssemblyFixture(typeof(Visitation.IntegrationTests.Infrastructure.VisitationSystem))]

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// The whole system for the test run: five services, each with its own fresh database on the real
/// PostgreSQL and each running as <see cref="InstancesPerService"/> instances that compete for the
/// same queues and outbox, one private RabbitMQ virtual host, and the development SMS gateway on
/// real HTTP. gRPC calls go to the first instance of each service. Each service runs as its own
/// PostgreSQL role and RabbitMQ user (<see cref="RunAccounts"/>); <see cref="Databases"/> and
/// <see cref="Amqp"/> are the administrators', for the tests.
/// </summary>
public sealed class VisitationSystem : IAsyncLifetime
{
    // Names the run's databases, virtual host and SMS store: unique, and sortable by creation (a version-7 Guid starts with its time).
    private readonly string _runId = "it" + Guid.CreateVersion7().ToString("N")[..20];
    public const int InstancesPerService = 2;

    /// <summary>CheckEligibility questions one user may ask in the (hour-long) window: more than any user of the suite asks, but the one test that runs into it.</summary>
    public const int EligibilityQuestionsPerUser = 20;
    private readonly Dictionary<string, List<IAsyncDisposable>> _hosts = [];
    private readonly Dictionary<string, Func<IAsyncDisposable>> _factories = [];
    private readonly Dictionary<string, Func<IReadOnlyDictionary<string, string>, IServiceHost>> _hostMakers = [];
    private readonly Dictionary<string, Dictionary<string, string>> _settings = [];
    private readonly List<string> _databases = [];
    private ServerEndpoints? _servers;
    private RabbitVirtualHost? _vhost;
    private RunAccounts? _accounts;
    private readonly Dictionary<string, RunAccounts.Connections> _own = [];
    private WebApplication? _gateway;
    private string _referenceData = null!;

    public Uri GatewayAddress { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;
    /// <summary>Each service's database, by service name (application, bureau_review, ...), as the server's superuser.</summary>
    public Dictionary<string, string> Databases { get; } = [];

    public RabbitVirtualHost? VirtualHost => _vhost;

    /// <summary>Whether each service runs as its own database role and broker user (not in a throw-away container, which has no management API).</summary>
    public bool RunsServicesAsTheirOwnAccounts => _accounts is not null;

    /// <summary>The run's broker (its virtual host included) as the broker's administrator; each service connects as its own user.</summary>
    public Uri Amqp { get; private set; } = null!;

    /// <summary>
    /// The notification service's sending settings in the tests: a family hears of several steps within
    /// seconds, so the per-number limits are wide (their own test narrows them), and receipts are asked
    /// for every second.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotificationSettings { get; } = new Dictionary<string, string>
    {
        ["SmsDelivery:PerNumberPerMinute"] = "100",
        ["SmsDelivery:PerNumberPerHour"] = "1000",
        ["SmsDelivery:PerNumberPerDay"] = "10000",
        ["SmsDelivery:ReceiptWait"] = "00:00:01",
        // An attempt whose answer a fault kept from being recorded is asked about after twice this.
        ["SmsDelivery:ProviderTimeout"] = "00:00:05",
        ["PeriodicWork:ReceiptPolling:Interval"] = "00:00:01",
    };

    /// <summary>The clock of every in-process service instance, and the one the tests read "today" from; see <see cref="TestClock"/>.</summary>
    public TestClock Clock { get; } = new();

    public static IReadOnlyList<string> ServiceNames { get; } = ["application", "bureau_review", "prison_approval", "scheduling", "notification"];

    /// <summary>The audit administrator's store (docs/audit-store.md), fed by the five services' audit relays; not one of <see cref="ServiceNames"/>.</summary>
    public const string AuditStoreName = "audit_store";

    /// <summary>The audit store's database (not among <see cref="Databases"/>).</summary>
    public string AuditStoreDatabase { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _servers = await ServerEndpoints.ResolveAsync();
        _vhost = await RabbitVirtualHost.CreateAsync(_servers, _runId);
        var amqp = Amqp = _vhost?.Amqp ?? _servers.RabbitMq;
        if (_vhost is not null)
        {
            // (A throw-away container, without a management API, keeps its one account for everything.)
            _accounts = new RunAccounts(_servers.Postgres, _vhost, _runId);
            foreach (var service in ServiceNames.Append(AuditStoreName))
            {
                _own[service] = await _accounts.CreateAsync(service, DatabaseOf(service));
            }
        }

        await StartGatewayAsync();
        _referenceData = WriteReferenceDataWithAnotherPrison();
        Register<ApplicationGrpcService>("application", amqp);
        Register<BureauReviewGrpcService>("bureau_review", amqp);
        Register<PrisonApprovalGrpcService>("prison_approval", amqp, new() { ["RateLimits:CheckEligibility:PermitLimit"] = EligibilityQuestionsPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Register<SchedulingGrpcService>("scheduling", amqp);
        Register<NotificationGrpcService>("notification", amqp, new(NotificationSettings) { ["SmsGateway:BaseUrl"] = GatewayAddress.ToString() });
        Register<AuditStoreGrpcService>(AuditStoreName, amqp);
        // Kept apart from the chain's databases, which tests compare and count: the store's rows keep arriving as the services audit.
        AuditStoreDatabase = Databases[AuditStoreName];
        Databases.Remove(AuditStoreName);
        foreach (var service in ServiceNames.Append(AuditStoreName))
        {
            StartInstances(service);
        }
    }

    /// <summary>Stops every instance of a service (its hosted dispatchers and bus with it) and starts fresh ones on the same database.</summary>
    public async Task RestartAsync(string service)
    {
        await StopAsync(service);
        StartInstances(service);
    }

    /// <summary>Stops the in-process instances of a service, e.g. while a fault test runs it as a process of its own.</summary>
    public async Task StopAsync(string service)
    {
        foreach (var host in _hosts[service])
        {
            await host.DisposeAsync();
        }

        _hosts[service] = [];
    }

    public void StartInstances(string service) =>
        _hosts[service] = Enumerable.Range(0, InstancesPerService).Select(_ => _factories[service]()).ToList();

    /// <summary>
    /// The settings a service instance runs with (database, broker, test timings), for starting it as
    /// a process or another host; with them the run's clock as it reads now, as a training clock, so
    /// that a service started as a process of its own agrees with the in-process ones on the time.
    /// </summary>
    public IReadOnlyDictionary<string, string> SettingsOf(string service) =>
        _settings[service].Concat(Clock.TrainingClockSettings()).ToDictionary();

    /// <summary>A call invoker on a service by name (as <see cref="ServiceNames"/>), for calls built from the protos' descriptors.</summary>
    public CallInvoker Invoker(string service, string? token) => _hosts.ContainsKey(service)
        ? Channel(service, token).CreateCallInvoker()
        : throw new ArgumentOutOfRangeException(nameof(service), service, "not a service of the system");

    public Contracts.Grpc.Application.ApplicationService.ApplicationServiceClient Applications(string? token) =>
        new(Channel("application", token));

    public Contracts.Grpc.BureauReview.BureauReviewService.BureauReviewServiceClient BureauReview(string? token) =>
        new(Channel("bureau_review", token));

    public Contracts.Grpc.PrisonApproval.PrisonApprovalService.PrisonApprovalServiceClient PrisonApproval(string? token) =>
        new(Channel("prison_approval", token));

    public Contracts.Grpc.Scheduling.SchedulingService.SchedulingServiceClient Scheduling(string? token) =>
        new(Channel("scheduling", token));

    public Contracts.Grpc.Notification.NotificationService.NotificationServiceClient Notification(string? token) =>
        new(Channel("notification", token));

    public Contracts.Grpc.AuditStore.AuditStoreService.AuditStoreServiceClient AuditStore(string? token) =>
        new(Channel(AuditStoreName, token));

    /// <summary>A plain HTTP client on a service's first instance, by name (as <see cref="ServiceNames"/>): its REST door and OpenAPI document.</summary>
    public HttpClient Http(string service, string? token)
    {
        var client = ((IServiceHost)_hosts[service][0]).CreateClient();
        client.DefaultRequestHeaders.Authorization = token is null ? null : new("Bearer", token);
        return client;
    }

    public static string Token(string role, string organisation, string? user = null) =>
        DevTokenIssuer.Issue(user ?? $"{role}@{organisation}", role, organisation);

    /// <summary>
    /// Sends to these families the gateway accepted again under an id it had already seen (a resend
    /// after a crash). Counted per phone: a resend left over from an earlier fault test is not theirs.
    /// </summary>
    public int GatewayDuplicatesTo(IEnumerable<Family> families) =>
        families.Sum(family => _gateway!.Services.GetRequiredService<SmsInbox>().DuplicatesTo(family.Phone));

    /// <summary>The run's databases are named this followed by the service's name (<see cref="ServiceNames"/>, <see cref="AuditStoreName"/>).</summary>
    public string DatabasePrefix => _runId + "_";

    /// <summary>The run's PostgreSQL server, without a database: what an operator's script is pointed at.</summary>
    public string PostgresServer => _servers!.Postgres;

    /// <summary>
    /// One more instance of a service, started now on the run's clock with the run's settings but for
    /// <paramref name="overrides"/> (e.g. another database and broker address: the services of a restored
    /// backup). The caller disposes it.
    /// </summary>
    public IServiceHost StartHost(string service, IReadOnlyDictionary<string, string> overrides)
    {
        var settings = new Dictionary<string, string>(_settings[service]);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return _hostMakers[service](settings);
    }

    /// <summary>A virtual host of its own on the run's broker (named after the run), for hosts that must not share the run's queues; null in a throw-away container.</summary>
    public Task<RabbitVirtualHost?> CreateVirtualHostAsync(string suffix) => RabbitVirtualHost.CreateAsync(_servers!, _runId + suffix);

    /// <summary>The services of a service's first instance (the one <see cref="RunPeriodicWorkAsync{TWork}"/> runs its jobs in).</summary>
    public IServiceProvider ServicesOf(string service) => ((IServiceHost)_hosts[service][0]).Services;

    /// <summary>Runs a service's periodic job once, now, in a scope of its first instance, as its timer would.</summary>
    public async Task RunPeriodicWorkAsync<TWork>(string service) where TWork : class, Messaging.IPeriodicWork
    {
        await using var scope = ((IServiceHost)_hosts[service][0]).Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TWork>().RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Publishes an event onto the run's broker as if a service had, with the message id given: through
    /// a running instance of a service whose broker user may publish it (each may publish its own events only).
    /// </summary>
    public Task PublishAsync<T>(T message, Guid messageId) where T : class
    {
        var publisher = ServiceNames.Append(AuditStoreName).FirstOrDefault(service => _hosts[service].Count > 0
                && ServiceAccount.Named(service.Replace('_', '-')).RabbitMq.MayPublish(typeof(T)))
            ?? throw new InvalidOperationException($"No running service may publish {typeof(T).Name} (deploy/local/service-accounts.json).");
        return ((IServiceHost)_hosts[publisher][0]).Services.GetRequiredService<IBus>()
            .Publish(message, context => context.MessageId = messageId);
    }

    /// <summary>The operator's error-queue command, pointed at this run's virtual host.</summary>
    public ErrorQueue.ErrorQueues ErrorQueues => new(_vhost!.Amqp, _servers!.RabbitManagement!);

    /// <summary>Messages in any _error queue that mention one of these application ids.</summary>
    public async Task<IReadOnlyList<ErrorQueue.FaultedMessage>> FaultsAboutAsync(IEnumerable<string> applicationIds)
    {
        var ids = applicationIds.ToList();
        var found = new List<ErrorQueue.FaultedMessage>();
        foreach (var queue in await ErrorQueues.ListQueuesAsync())
        {
            found.AddRange((await ErrorQueues.PeekAsync(queue.Name, 1000)).Where(m => ids.Any(id => m.Body.Contains(id, StringComparison.OrdinalIgnoreCase))));
        }

        return found;
    }

    public async Task<IReadOnlyList<ReceivedSms>> SmsTo(string phone) =>
        await Gateway.GetFromJsonAsync<List<ReceivedSms>>(new Uri($"sms?phone={phone}", UriKind.Relative)) ?? [];

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values.SelectMany(h => h).Reverse())
        {
            await host.DisposeAsync();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        Gateway?.Dispose();
        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        await DropDatabasesAsync();
        if (_servers?.Containers is { } containers)
        {
            await containers.DisposeAsync();
        }
    }

    private string DatabaseOf(string service) => $"{_runId}_{service}";

    private void Register<T>(string service, Uri amqp, Dictionary<string, string>? extra = null) where T : class
    {
        var database = DatabaseOf(service);
        _databases.Add(database);
        Databases[service] = new NpgsqlConnectionStringBuilder(_servers!.Postgres) { Database = database }.ConnectionString;
        var own = _own.GetValueOrDefault(service);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Database"] = own?.Database ?? Databases[service],
            ["ConnectionStrings:RabbitMq"] = (own?.Broker ?? amqp).ToString(),
            ["ReferenceData:Path"] = _referenceData,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["AuditRelay:PollInterval"] = "00:00:00.200",
            // A publish whose confirm was lost in a broker crash is given up sooner than in production.
            ["Outbox:PublishTimeout"] = "00:00:05",
            // Fewer immediate retries than production, so a poison message reaches _error in seconds.
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:RedeliveryLimit"] = "1",
            ["Messaging:PrerequisiteRedeliveryLimit"] = "4",
            ["Messaging:RedeliveryInterval"] = "00:00:01",
            // The review clocks look every second, so a test that moves a deadline sees it expire at once.
            ["PeriodicWork:ExpireOverdueApprovals:Interval"] = "00:00:01",
            ["PeriodicWork:ExpireOverdueReviews:Interval"] = "00:00:01",
            // Retention runs only when a test asks (RunPeriodicWorkAsync) and as an instance starts: a
            // tick while a test has put the clock a year ahead would anonymise the applications it counts on.
            ["Retention:Interval"] = "30.00:00:00",
            // A clock frozen days ahead must not make the outbox clean-up drop the run's inbox rows as old.
            ["Outbox:CleanupInterval"] = "3650.00:00:00",
        };
        foreach (var (key, value) in TestProtectionKeys.Settings.Concat(extra ?? []))
        {
            settings[key] = value;
        }

        _settings[service] = settings;
        _hostMakers[service] = hostSettings =>
        {
            var host = new ServiceHost<T>(hostSettings, Clock);
            _ = host.Server; // start now: migrations run and the bus connects before any test acts
            return host;
        };
        _factories[service] = () => _hostMakers[service](settings);
    }



    /// <summary>
    /// The shipped reference data plus a second prison (<see cref="Orgs.OtherPrison"/>, a copy of
    /// Yongji's under another id), so that prison staff have another prison to be kept out of: the
    /// shipped tree has one. Written once for the run; the services read it at start-up.
    /// </summary>
    private string WriteReferenceDataWithAnotherPrison()
    {
        var target = ReferenceDataFolder.Copy(ReferenceDataFolder.Shipped, Path.Combine(Path.GetTempPath(), _runId, "reference-data"));
        var organisations = Path.Combine(target, "organisations.json");
        var tree = JsonNode.Parse(File.ReadAllText(organisations))!;
        var prisons = tree["prisons"]!.AsArray();
        var other = prisons.Single(p => (string?)p!["id"] == Orgs.Prison)!.DeepClone();
        other["id"] = Orgs.OtherPrison;
        other["name"] = "测试用第二监狱";
        prisons.Add(other);
        AddNoShowPrison(target, prisons);
        AddSharedDaysPrison(prisons);
        File.WriteAllText(organisations, tree.ToJsonString());
        return target;
    }

    /// <summary>
    /// A third copy of Yongji's prison (<see cref="Orgs.NoShowPrison"/>) with the no-show option switched on
    /// in the province's policy (docs/visitor-refusal-and-no-shows.md: two no-shows within six months hold
    /// a family's new applications back for three months), so that option runs through the chain while
    /// every other prison keeps the shipped policy, with it off.
    /// </summary>
    private static void AddNoShowPrison(string target, JsonArray prisons)
    {
        var noShow = prisons.Single(p => (string?)p!["id"] == Orgs.Prison)!.DeepClone();
        noShow["id"] = Orgs.NoShowPrison;
        noShow["name"] = "测试用爽约限制监狱";
        prisons.Add(noShow);
        var policyFile = Path.Combine(target, "policies", "shanxi.json");
        var policy = JsonNode.Parse(File.ReadAllText(policyFile))!.AsObject();
        var overrides = policy["prisonOverrides"] as JsonObject ?? [];
        overrides[Orgs.NoShowPrison] = new JsonObject
        {
            ["noShowSuspension"] = new JsonObject { ["enabled"] = true, ["noShows"] = 2, ["withinMonths"] = 6, ["suspendMonths"] = 3 },
        };
        policy["prisonOverrides"] = overrides;
        File.WriteAllText(policyFile, policy.ToJsonString());
    }

    /// <summary>
    /// A fourth copy of Yongji's prison (<see cref="Orgs.SharedDaysPrison"/>) with a twelfth area that meets on area 6's
    /// days (the 6th, 16th and 26th): no two of the shipped areas share a day, so without it an inmate moved to another
    /// area never keeps a booked visit (docs/reoffer-and-moves.md).
    /// </summary>
    private static void AddSharedDaysPrison(JsonArray prisons)
    {
        var shared = prisons.Single(p => (string?)p!["id"] == Orgs.Prison)!.DeepClone();
        shared["id"] = Orgs.SharedDaysPrison;
        shared["name"] = "测试用监区同日监狱";
        var areas = shared["areas"]!.AsArray();
        var twelfth = areas.Single(a => (string?)a!["id"] == "6")!.DeepClone();
        twelfth["id"] = "12";
        twelfth["name"] = "十二监区";
        areas.Add(twelfth);
        prisons.Add(shared);
    }

    private async Task StartGatewayAsync()
    {
        var store = Path.Combine(Path.GetTempPath(), _runId, "sms.jsonl");
        _gateway = DevSmsGatewayApp.Build(["--urls", "http://127.0.0.1:0", "--SmsGateway:StorePath", store]);
        await _gateway.StartAsync();
        var address = _gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        GatewayAddress = new Uri(address.TrimEnd('/') + "/");
        Gateway = new HttpClient { BaseAddress = GatewayAddress };
    }

    private GrpcChannel Channel(string service, string? token) => ((IServiceHost)_hosts[service][0]).Channel(token);

    private async Task DropDatabasesAsync()
    {
        if (_servers is null || _servers.Containers is not null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_servers.Postgres) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        foreach (var database in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (_accounts is not null)
        {
            await _accounts.DropRolesAsync();
        }
    }
}
