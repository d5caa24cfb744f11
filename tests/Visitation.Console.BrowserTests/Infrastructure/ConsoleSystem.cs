using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Visitation.Console.BrowserTests.Infrastructure.ConsoleSystem))]

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// The run's system for the browser: the identity service with the run's accounts, the application
/// and prison-approval services that trust it, and the console, each its own process on a loopback
/// port, all on one fresh set of databases and a private virtual host; and one headless Chromium.
/// The services and the console read the day from the same training clock (<see cref="TestDates"/>).
/// </summary>
public sealed class ConsoleSystem : IAsyncLifetime
{
    private readonly string _runId = "bt" + Guid.CreateVersion7().ToString("N")[..20];
    private readonly List<HostedProcess> _processes = [];
    private readonly string _folder;
    private RunDatabases? _databases;
    private IPlaywright? _playwright;

    public ConsoleSystem() => _folder = Path.Combine(Path.GetTempPath(), "visitation-console-bt", _runId);

    /// <summary>A 司法所 clerk of Yongji's Chengxi office: the clerk's journey.</summary>
    internal StaffAccount Clerk { get; } = StaffAccount.Make("bt-clerk", "clerk", "yongji-chengxi-office");

    /// <summary>A second clerk of the same office, who signs in to sign out.</summary>
    internal StaffAccount LeavingClerk { get; } = StaffAccount.Make("bt-clerk-leaving", "clerk", "yongji-chengxi-office");

    /// <summary>A 县司法局 reviewer: a menu and pages of another role.</summary>
    internal StaffAccount Reviewer { get; } = StaffAccount.Make("bt-reviewer", "reviewer", "yongji-bureau");

    public Uri ConsoleAddress { get; private set; } = null!;

    public Uri IdentityAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // The browser first: without it nothing below is worth starting.
        (_playwright, Browser) = await ChromiumBrowser.LaunchAsync();
        var servers = TestServers.FromEnvironment();
        _databases = new RunDatabases(servers, _runId);
        var amqp = (await _databases.VirtualHostAsync()).ToString();
        Directory.CreateDirectory(_folder);

        var identityPort = HostedProcess.FreePort();
        var consolePort = HostedProcess.FreePort();
        IdentityAddress = new Uri($"http://127.0.0.1:{identityPort}/");
        ConsoleAddress = new Uri($"http://127.0.0.1:{consolePort}/");
        var protection = ProtectionKeys();
        var identity = HostedProcess.Start("Identity", identityPort, grpcOnly: false, new Dictionary<string, string>
        {
            ["ConnectionStrings:Database"] = _databases.Database("identity"),
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
        var services = new (string Project, string Name, string Audience)[]
        {
            ("Application", "application", "visitation-application"),
            ("PrisonApproval", "prison_approval", "visitation-prison-approval"),
        };
        var addresses = new Dictionary<string, Uri>();
        foreach (var (project, name, audience) in services)
        {
            var port = HostedProcess.FreePort();
            var settings = new Dictionary<string, string>(protection)
            {
                ["ConnectionStrings:Database"] = _databases.Database(name),
                ["ConnectionStrings:RabbitMq"] = amqp,
                ["Auth:Authority"] = IdentityAddress.ToString(),
                ["Auth:Audience"] = audience,
            };
            foreach (var (key, value) in TestDates.TrainingClock())
            {
                settings[key] = value;
            }

            var service = HostedProcess.Start(project, port, grpcOnly: true, settings);
            _processes.Add(service);
            addresses[project] = service.Address;
        }

        var console = HostedProcess.Start("Console", consolePort, grpcOnly: false, new Dictionary<string, string>(TestDates.TrainingClock())
        {
            ["Console:Authority"] = IdentityAddress.ToString(),
            ["Console:Services:Application"] = addresses["Application"].ToString(),
            ["Console:Services:PrisonApproval"] = addresses["PrisonApproval"].ToString(),
            // Not called by these pages yet; an address is required.
            ["Console:Services:BureauReview"] = addresses["Application"].ToString(),
        });
        _processes.Add(console);
        await identity.WaitHealthyAsync(grpcOnly: false);
        await Task.WhenAll(_processes.Skip(1).Take(services.Length).Select(p => p.WaitHealthyAsync(grpcOnly: true)));
        await console.WaitHealthyAsync(grpcOnly: false);
    }

    /// <summary>The console's last log lines, for a failure message.</summary>
    public string ConsoleOutput => _processes.Count > 0 ? _processes[^1].LastOutput : string.Empty;

    private string WriteSeedFile()
    {
        var path = Path.Combine(_folder, "seed.json");
        var accounts = new[] { Clerk, LeavingClerk, Reviewer }.Select(a => new
        {
            userName = a.UserName, password = a.Password, role = a.Role, organisation = a.Organisation, authenticatorKey = a.AuthenticatorKey,
        });
        File.WriteAllText(path, JsonSerializer.Serialize(new { accounts }));
        return path;
    }

    /// <summary>The run's own field-protection keys (docs/encryption-at-rest.md): random, never in the repository.</summary>
    private static Dictionary<string, string> ProtectionKeys() => new()
    {
        ["Protection:CurrentVersion"] = "1",
        ["Protection:Keys:0:Version"] = "1",
        ["Protection:Keys:0:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
        ["Protection:Index:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        // The visitor key's shared index key (docs/data-minimisation.md): application and prison-approval refuse to start without it.
        ["Protection:SharedIndexes:visitor:Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    public async ValueTask DisposeAsync()
    {
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
