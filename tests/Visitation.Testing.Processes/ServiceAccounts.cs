using System.Text.Json;
using System.Text.RegularExpressions;

namespace Visitation.Testing.Processes;

/// <summary>What a service may do on the broker: RabbitMQ's three permission patterns, as the management API takes them.</summary>
public sealed record BrokerPermissions(string Configure, string Write, string Read)
{
    /// <summary>The exchange MassTransit publishes a message type to on RabbitMQ: "namespace:name".</summary>
    public static string ExchangeOf(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return $"{messageType.Namespace}:{messageType.Name}";
    }

    /// <summary>Whether the write pattern lets the service publish this message type.</summary>
    public bool MayPublish(Type messageType) => Regex.IsMatch(ExchangeOf(messageType), Write, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>
/// One service's accounts as deploy/local/service-accounts.json declares them: its RabbitMQ user and
/// permissions, its PostgreSQL role and database. deploy/local/infra.sh makes them for a profile, the
/// integration tests make them for a run, and deploy/k8s/base/broker/users.yaml carries the same permissions.
/// </summary>
public sealed record ServiceAccount(string Name, string Role, string Database, BrokerPermissions RabbitMq)
{
    // Before All: static fields are initialised in the order written.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every service's accounts, in the file's order.</summary>
    public static IReadOnlyList<ServiceAccount> All { get; } = Read(Path.Combine(Checkout.Root, "deploy", "local", "service-accounts.json"));

    public static ServiceAccount Named(string name) =>
        All.SingleOrDefault(account => account.Name == name)
        ?? throw new ArgumentOutOfRangeException(nameof(name), name, "not a service of deploy/local/service-accounts.json");

    private static List<ServiceAccount> Read(string path)
    {
        using var file = File.OpenRead(path);
        var accounts = JsonSerializer.Deserialize<AccountsFile>(file, Json)
            ?? throw new InvalidDataException($"{path} is empty");
        return accounts.Services;
    }

    private sealed record AccountsFile(List<ServiceAccount> Services);
}
