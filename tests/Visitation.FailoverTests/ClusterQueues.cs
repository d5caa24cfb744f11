using System.Text.Json;
using Visitation.Benchmarks.Infrastructure;

namespace Visitation.FailoverTests;

/// <summary>A queue of the cluster as a node's management API reports it (its statistics lag about a second).</summary>
public sealed record ClusterQueue(string Name, string Type, bool Durable, string? Leader, IReadOnlyList<string> Members, long Messages, long Published)
{
    public bool IsErrorQueue => Name.EndsWith("_error", StringComparison.Ordinal);

    /// <summary>A queue a service consumes from (not a bus's own temporary queue, not an error queue): durable and quorum, as declared.</summary>
    public bool IsServiceQueue => Durable && !IsErrorQueue;
}

/// <summary>The queues of the RabbitMQ cluster's default virtual host, read through one node's management API.</summary>
public sealed class ClusterQueues(Uri management) : IDisposable
{
    private readonly HttpClient _http = RabbitManagement.Client(management, TimeSpan.FromSeconds(10));

    public async Task<IReadOnlyList<ClusterQueue>> ListAsync()
    {
        using var response = await _http.GetAsync(new Uri("api/queues/%2F", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return [.. json.RootElement.EnumerateArray().Select(Read)];
    }

    public void Dispose() => _http.Dispose();

    private static ClusterQueue Read(JsonElement queue) => new(
        queue.GetProperty("name").GetString()!,
        queue.TryGetProperty("type", out var type) ? type.GetString()! : "classic",
        queue.TryGetProperty("durable", out var durable) && durable.GetBoolean(),
        queue.TryGetProperty("leader", out var leader) ? leader.GetString() : queue.TryGetProperty("node", out var node) ? node.GetString() : null,
        queue.TryGetProperty("members", out var members) ? [.. members.EnumerateArray().Select(m => m.GetString()!)] : [],
        queue.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : 0,
        queue.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("publish", out var published) ? published.GetInt64() : 0);
}
