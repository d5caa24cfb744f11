using System.Globalization;

namespace Visitation.Messaging;

/// <summary>
/// Where the broker is: <c>ConnectionStrings:RabbitMq</c>, an AMQP URI whose host part may list
/// the nodes of a cluster, <c>amqp://user:password@host1:port1,host2:port2,host3:port3/vhost</c>.
/// A service connects to the first node that answers, in the order given, and to the next one when
/// that node goes away; give services the nodes in different orders to spread their connections,
/// and with them the quorum queues they declare (a queue's leader starts on its declarer's node).
/// </summary>
public sealed record BrokerAddress(string Username, string Password, string VirtualHost, IReadOnlyList<BrokerNode> Nodes)
{
    private const int AmqpPort = 5672;

    public static BrokerAddress Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        const string scheme = "amqp://";
        if (!connectionString.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"ConnectionStrings:{MessagingExtensions.ConnectionName} must start with {scheme}.");
        }

        var rest = connectionString[scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[(slash + 1)..];
        var at = authority.LastIndexOf('@');
        var (username, password) = at < 0 ? ("guest", "guest") : Credentials(authority[..at]);
        var hosts = at < 0 ? authority : authority[(at + 1)..];
        var nodes = hosts.Split(',', StringSplitOptions.TrimEntries).Select(Node).ToList();
        var virtualHost = Uri.UnescapeDataString(path.TrimEnd('/'));
        return new BrokerAddress(username, password, virtualHost.Length == 0 ? "/" : virtualHost, nodes);
    }

    private static (string Username, string Password) Credentials(string userInfo)
    {
        var parts = userInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    private static BrokerNode Node(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        var host = colon < 0 ? hostAndPort : hostAndPort[..colon];
        if (host.Length == 0)
        {
            throw new FormatException($"ConnectionStrings:{MessagingExtensions.ConnectionName} names a node without a host.");
        }

        var port = colon < 0 ? AmqpPort : int.Parse(hostAndPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        return new BrokerNode(host, port);
    }
}

/// <summary>One node of the broker: a host and its AMQP port.</summary>
public sealed record BrokerNode(string Host, int Port)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}
