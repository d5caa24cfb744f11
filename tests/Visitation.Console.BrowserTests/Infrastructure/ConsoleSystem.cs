using System.Globalization;
using System.Security.Cryptography;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Visitation.Testing.Processes;

[assembly: AssemblyFixture(typeof(Visitation.Console.BrowserTests.Infrastructure.ConsoleSystem))]

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// The run's system for the browser: the identity service with the run's accounts, the five services
/// and the audit store that trust it, the development SMS gateway and the console, each its own
/// process on a loopback port, all on one fresh set of databases and a private virtual host; and one
/// headless Chromium. Every process reads the day from the same training clock (<see cref="TestDates"/>).
/// </summary>
public sealed class ConsoleSystem : IAsyncLifetime
{
    /// <summary>The gRPC services as run.sh starts them: project, database name, audience, console setting.</summary>
    private static readonly (string Project, string Name, string Audience, string ConsoleSetting)[] Services =
    [
        ("Application", "application", "visitation-application", "Application"),
        ("BureauReview", "bureau_review", "visitation-bureau-review", "BureauReview"),
        ("PrisonApproval", "prison_approval", "visitation-prison-approval", "PrisonApproval"),
        ("Scheduling", "scheduling", "visitation-scheduling", "Scheduling"),
        ("Notification", "notification", "visitation-notification", "Notification"),
        ("AuditStore", "audit_store", "visitation-audit-store", "AuditStore"),
    ];

    private readonly string _runId = "bt" + Guid.CreateVersion7().ToString("N")[..20];
    private readonly List<ServiceProcess> _processes = [];
    private readonly string _folder;
    private RunDatabases? _databases;
    private IPlaywright? _playwright;
    private HttpClient? _gateway;
    private ServiceProcess? _console;

    public ConsoleSystem()
        : this(new AccountPool())
    {
    }

    /// <summary>A system with only <paramref name="accounts"/> (a test class's own system, VenueJourneyTests).</summary>
    internal ConsoleSystem(AccountPool accounts)
    {
        Accounts = accounts;
        _folder = Path.Combine(Path.GetTempPath(), "visitation-console-bt", _runId);
        Clerk = Accounts.Take("clerk", Orgs.Office);
        LeavingClerk = Accounts.Take("clerk", Orgs.Office);
        Reviewer = Accounts.Take("reviewer", Orgs.Bureau);
    }

    /// <summary>The run's accounts: <c>system.Accounts.Take(role, organisation)</c> gives a test one of its own.</summary>
    internal AccountPool Accounts { get; }

    /// <summary>The run's machine clients: another role's call made over gRPC to move a record along.</summary>
    internal MachineClients Machines { get; } = new();

    /// <summary>A 司法所 clerk of Yongji's Chengxi office: the clerk's journey.</summary>
    internal StaffAccount Clerk { get; }

    /// <summary>A second clerk of the same office, who signs in to sign out.</summary>
    internal StaffAccount LeavingClerk { get; }

    /// <summary>A 县司法局 reviewer: a menu and pages of another role.</summary>
    internal StaffAccount Reviewer { get; }

    public Uri ConsoleAddress { get; private set; } = null!;

    /// <summary>The run's virtual host: a test that reports what a service outside the fixture would (<see cref="BusEvents"/>).</summary>
    public Uri Amqp { get; private set; } = null!;

    public Uri IdentityAddress { get; private set; } = null!;

    /// <summary>The development SMS gateway: what the families' phones received.</summary>
    public Uri GatewayAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The services' addresses by project name (e.g. "PrisonApproval"), for a test that prepares data over gRPC.</summary>
    public IReadOnlyDictionary<string, Uri> ServiceAddresses => _serviceAddresses;

    private readonly Dictionary<string, Uri> _serviceAddresses = [];
    private readonly Dictionary<string, Dictionary<string, string>> _serviceSettings = [];
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> LogsStarted = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        // The browser first: without it nothing below is worth starting.
        (_playwright, Browser) = await ChromiumBrowser.LaunchAsync();
        var servers = TestServers.FromEnvironment();
        _databases = new RunDatabases(servers, _runId);
        var amqp = (await _databases.VirtualHostAsync()).ToString();
        Amqp = new Uri(amqp);
        Directory.CreateDirectory(_folder);

        var identityPort = ServiceProcess.FreePort();
        var identityAdminPort = ServiceProcess.FreePort();
        var consolePort = ServiceProcess.FreePort();
        var gatewayPort = ServiceProcess.FreePort();
        IdentityAddress = new Uri($"http://127.0.0.1:{identityPort}/");
        ConsoleAddress = new Uri($"http://127.0.0.1:{consolePort}/");
        GatewayAddress = new Uri($"http://127.0.0.1:{gatewayPort}/");
        var identityAdmin = new Uri($"http://127.0.0.1:{identityAdminPort}/");
        var protection = RunProtectionKeys.Create();
        // Two endpoints, as run.sh: HTTP/1.1 for the browser's sign-in, HTTP/2 for the administration API.
        var identity = ServiceProcess.Start("Identity", identityPort, http2Only: false, LogFile("Identity"), new Dictionary<string, string>
        {
            ["Kestrel:Endpoints:Web:Url"] = IdentityAddress.ToString().TrimEnd('/'),
            ["Kestrel:Endpoints:Admin:Url"] = identityAdmin.ToString().TrimEnd('/'),
            ["Kestrel:Endpoints:Admin:Protocols"] = "Http2",
            ["ConnectionStrings:Database"] = _databases.Database("identity"),
            // Its audit relayed to the audit store, as every service's: the audit administrator finds account changes there.
            ["ConnectionStrings:RabbitMq"] = amqp,
            ["Identity:Issuer"] = IdentityAddress.ToString(),
            ["Identity:KeyFolder"] = Path.Combine(_folder, "keys"),
            ["Identity:KeyPassword"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["Identity:SeedFile"] = WriteSeedFile(),
            ["Identity:ConsoleRedirectUris:0"] = new Uri(ConsoleAddress, "signed-in").ToString(),
            ["Identity:ConsolePostLogoutRedirectUris:0"] = ConsoleAddress.ToString(),
            // Short-lived access tokens: every journey renews its token with the refresh token on the way.
            ["Identity:AccessTokenLifetime"] = "00:01:10",
        });
        _processes.Add(identity);
        var gateway = ServiceProcess.Start("DevSmsGateway", gatewayPort, http2Only: false, LogFile("DevSmsGateway"), new Dictionary<string, string>
        {
            ["SmsGateway:StorePath"] = Path.Combine(_folder, "sms.jsonl"),
        });
        _processes.Add(gateway);
        var services = new List<ServiceProcess>();
        foreach (var (project, name, audience, _) in Services)
        {
            var port = ServiceProcess.FreePort();
            var settings = new Dictionary<string, string>(protection)
            {
                ["ConnectionStrings:Database"] = _databases.Database(name),
                ["ConnectionStrings:RabbitMq"] = amqp,
                ["Auth:Authority"] = IdentityAddress.ToString(),
                ["Auth:Audience"] = audience,
                ["SmsGateway:BaseUrl"] = GatewayAddress.ToString(),
                // A family hears of several steps within seconds: the per-number limits are wide here.
                ["SmsDelivery:PerNumberPerMinute"] = "100",
                ["SmsDelivery:PerNumberPerHour"] = "1000",
                ["SmsDelivery:PerNumberPerDay"] = "10000",
                ["SmsDelivery:ReceiptWait"] = "00:00:01",
                ["PeriodicWork:ReceiptPolling:Interval"] = "00:00:01",
            };
            foreach (var (key, value) in TestDates.TrainingClock())
            {
                settings[key] = value;
            }

            var service = ServiceProcess.Start(project, port, http2Only: true, LogFile(project), settings);
            _serviceSettings[project] = settings;
            services.Add(service);
            _serviceAddresses[project] = service.Address;
        }

        _processes.AddRange(services);
        var consoleSettings = new Dictionary<string, string>(TestDates.TrainingClock())
        {
            ["Console:Authority"] = IdentityAddress.ToString(),
            ["Console:Services:IdentityAdmin"] = identityAdmin.ToString(),
        };
        foreach (var (project, _, _, setting) in Services)
        {
            consoleSettings["Console:Services:" + setting] = _serviceAddresses[project].ToString();
        }

        _console = ServiceProcess.Start("Console", consolePort, http2Only: false, LogFile("Console"), consoleSettings);
        _processes.Add(_console);
        _gateway = new HttpClient { BaseAddress = GatewayAddress };
        await identity.WaitHealthyAsync(http2: false);
        await gateway.WaitHealthyAsync(http2: false, path: string.Empty);
        await Task.WhenAll(services.Select(p => p.WaitHealthyAsync(http2: true)));
        await _console.WaitHealthyAsync(http2: false);
    }

    /// <summary>
    /// Restarts one service on its address with its training clock reading <paramref name="now"/>, the
    /// others keeping theirs: a test that rehearses a later day (the visit's) on a system of its own —
    /// never on the run's shared one, whose other tests live on the application day.
    /// </summary>
    internal async Task RestartAtAsync(string project, DateTimeOffset now)
    {
        var address = _serviceAddresses[project];
        var running = _processes.Single(p => p.Address == address);
        await running.DisposeAsync();
        _processes.Remove(running);
        var settings = new Dictionary<string, string>(_serviceSettings[project])
        {
            ["TrainingClock:Now"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["TrainingClock:SetAt"] = RealClock.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        var restarted = ServiceProcess.Start(project, address.Port, http2Only: true, LogFile(project), settings);
        _processes.Add(restarted);
        await restarted.WaitHealthyAsync(http2: true);
    }

    /// <summary>
    /// Where a process's whole output goes, for a failure its last lines do not explain: beside the test binaries, replaced each run.
    /// A second system of the run (a test class's own, VenueJourneyTests) or a restarted service writes a file of its own.
    /// </summary>
    private static string LogFile(string project)
    {
        var started = LogsStarted.AddOrUpdate(project, 1, (_, n) => n + 1);
        return Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "logs")).FullName, started == 1 ? project + ".log" : $"{project}.{started}.log");
    }

    /// <summary>The console's last log lines, for a failure message.</summary>
    public string ConsoleOutput => _console?.LastOutput ?? string.Empty;

    /// <summary>The texts the development gateway has received for <paramref name="phone"/>, oldest first.</summary>
    public async Task<IReadOnlyList<string>> SmsTextsToAsync(string phone)
    {
        var received = await _gateway!.GetFromJsonAsync<List<GatewaySms>>(new Uri("sms?phone=" + Uri.EscapeDataString(phone), UriKind.Relative)) ?? [];
        return [.. received.Select(sms => sms.Text)];
    }

    private sealed record GatewaySms(string Phone, string Text);

    private string WriteSeedFile()
    {
        var path = Path.Combine(_folder, "seed.json");
        var accounts = Accounts.All.Select(a => new
        {
            userName = a.UserName, password = a.Password, role = a.Role, organisation = a.Organisation, authenticatorKey = a.AuthenticatorKey, sites = a.Sites,
        });
        var machineClients = Machines.Seed.Select(c => new { clientId = c.ClientId, secret = c.Secret, role = c.Role, organisation = c.Organisation });
        File.WriteAllText(path, JsonSerializer.Serialize(new { accounts, machineClients }));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        _gateway?.Dispose();
        Machines.Dispose();
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        if (_databases is not null)
        {
            await _databases.DisposeAsync();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
