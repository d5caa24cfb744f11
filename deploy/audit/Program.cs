using System.Globalization;
using Npgsql;
using Visitation.Messaging.Audit;

// audit verify [SERVICE ...]                 recomputes every chain; names the first broken row of each service;
//                                            and, when the audit store's database is there, compares each chain's
//                                            newest row with the store's copy (rows cut off the newest end)
// audit purge --by USER [--changes-days N] [--reads-days N] [SERVICE ...]
//                                            removes rows past their retention (superuser connection), audited
// Server: VISITATION_POSTGRES (deploy/local/infra.sh env dev prints it); each service's database is visitation_<service>.
string[] all = ["application", "bureau_review", "prison_approval", "scheduling", "notification", "identity", "audit_store"];
var server = Environment.GetEnvironmentVariable("VISITATION_POSTGRES");
if (server is null || args.Length == 0 || args[0] is not ("verify" or "purge"))
{
    Console.Error.WriteLine("usage: audit verify [SERVICE ...] | audit purge --by USER [--changes-days N] [--reads-days N] [SERVICE ...]");
    Console.Error.WriteLine($"services: {string.Join(' ', all)}; needs VISITATION_POSTGRES");
    return 2;
}

var options = Options.Parse(args.Skip(1).ToList());
var unknown = options.Services.Except(all).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown service(s): {string.Join(' ', unknown)}");
    return 2;
}

var services = options.Services.Count == 0 ? all : [.. options.Services];
string Database(string service) => new NpgsqlConnectionStringBuilder(server) { Database = $"visitation_{service}", Pooling = false }.ConnectionString;

try
{
    return args[0] == "verify" ? await VerifyAsync() : await PurgeAsync();
}
catch (Exception ex) when (ex is NpgsqlException or ArgumentOutOfRangeException)
{
    Console.Error.WriteLine($"audit {args[0]}: {ex.Message}");
    return 1;
}

async Task<int> VerifyAsync()
{
    var broken = 0;
    var store = await StoreCopies.OpenAsync(Database("audit_store"));
    if (store is null)
    {
        Console.WriteLine("audit store: not reachable; the newest rows are not compared with its copy");
    }

    foreach (var service in services)
    {
        var found = await AuditStore.VerifyAsync(Database(service), CancellationToken.None);
        Console.WriteLine(found is null ? $"{service}: every chain verifies" : $"{service}: BROKEN in the {found.Chain} chain at row {found.Seq}: {found.Reason}");
        broken += found is null ? 0 : 1;
        if (store is not null)
        {
            var checks = await store.CompareAsync(service, Database(service));
            checks.ForEach(check => Console.WriteLine($"{service}: {check.Message}"));
            broken += checks.Count(check => check.Broken);
        }
    }

    if (store is not null)
    {
        await store.DisposeAsync();
    }

    return broken == 0 ? 0 : 1;
}

async Task<int> PurgeAsync()
{
    if (options.By is null)
    {
        Console.Error.WriteLine("purge needs --by USER: the operator who runs it, recorded in the purge's own audit row");
        return 2;
    }

    var retention = new Dictionary<AuditChain, TimeSpan>
    {
        [AuditChain.Changes] = TimeSpan.FromDays(options.ChangesDays ?? AuditChain.Changes.MinimumRetention().TotalDays),
        [AuditChain.Reads] = TimeSpan.FromDays(options.ReadsDays ?? AuditChain.Reads.MinimumRetention().TotalDays),
    };
    foreach (var service in services)
    {
        await using var connection = new NpgsqlConnection(Database(service));
        await connection.OpenAsync();
        // Run with the database superuser's connection, which only the operators hold: recorded as such.
        var purged = await AuditPurge.RunAsync(connection, new AuditActor(options.By, "db-superuser", "operator"), DateTimeOffset.UtcNow, retention, CancellationToken.None);
        Console.WriteLine(purged.Count == 0
            ? $"{service}: nothing past its retention"
            : $"{service}: " + string.Join("; ", purged.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Chain} rows {p.FirstSeq}-{p.LastSeq} ({p.Rows}) purged, anchor {p.AnchorHash}"))));
    }

    return 0;
}

/// <summary>The command line after the verb: services, and for a purge who runs it and the retention in days.</summary>
internal sealed record Options(List<string> Services, string? By, double? ChangesDays, double? ReadsDays)
{
    public static Options Parse(List<string> args)
    {
        var options = new Options([], null, null, null);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--by" when i + 1 < args.Count => options with { By = args[++i] },
                "--changes-days" when i + 1 < args.Count => options with { ChangesDays = double.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--reads-days" when i + 1 < args.Count => options with { ReadsDays = double.Parse(args[++i], CultureInfo.InvariantCulture) },
                _ => options with { Services = [.. options.Services, args[i]] },
            };
        }

        return options;
    }
}
