using System.Text.Json;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// One queue as RabbitMQ's management API reports it: its kind and durability (what decides
/// whether it survives a broker crash) and its messages ready, handed out and not yet
/// acknowledged, and delivered again.
/// </summary>
public sealed record BrokerQueue(string Name, string Type, bool Durable, long Ready, long Unacknowledged, long Redelivered)
{
    public bool IsErrorQueue => Name.EndsWith("_error", StringComparison.Ordinal) || Name.EndsWith("_skipped", StringComparison.Ordinal);

    public long Messages => Ready + Unacknowledged;

    public static BrokerQueue From(JsonElement queue) => new(
        queue.GetProperty("name").GetString()!,
        queue.TryGetProperty("type", out var type) ? type.GetString() ?? "" : "",
        queue.GetProperty("durable").GetBoolean(),
        Number(queue, "messages_ready"),
        Number(queue, "messages_unacknowledged"),
        queue.TryGetProperty("message_stats", out var stats) ? Number(stats, "redeliver") : 0);

    // A queue the statistics have not reached yet has no counts at all.
    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    public override string ToString() => $"{Name}({Type}, ready {Ready}, unacked {Unacknowledged}, redelivered {Redelivered})";
}
