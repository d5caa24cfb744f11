using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Visitation.ErrorQueue;

/// <summary>
/// Reads and replays MassTransit's <c>_error</c> queues. Listing peeks without consuming (every
/// message fetched is returned to the queue when the channel closes); replay publishes a chosen
/// message to its original queue with a publisher confirm and only then removes it from the error
/// queue, so a crash half-way leaves it in one place or, at worst, in both — never in neither.
/// </summary>
public sealed class ErrorQueues(Uri amqp, Uri management)
{
    public const string Suffix = "_error";

    public async Task<IReadOnlyList<ErrorQueueSummary>> ListQueuesAsync()
    {
        using var http = ManagementClient();
        var vhost = Uri.EscapeDataString(VirtualHost);
        var queues = await http.GetFromJsonAsync<List<QueueInfo>>(new Uri($"api/queues/{vhost}?columns=name,messages", UriKind.Relative)) ?? [];
        return queues.Where(q => q.Name.EndsWith(Suffix, StringComparison.Ordinal))
            .Select(q => new ErrorQueueSummary(q.Name, q.Messages ?? 0))
            .OrderBy(q => q.Name, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyList<FaultedMessage>> PeekAsync(string queue, int max = 100)
    {
        await using var connection = await Connect();
        await using var channel = await connection.CreateChannelAsync();
        var found = new List<FaultedMessage>();
        while (found.Count < max && await channel.BasicGetAsync(queue, autoAck: false) is { } message)
        {
            found.Add(Describe(queue, message));
        }

        return found; // unacknowledged: the broker puts them back when the channel closes
    }

    /// <summary>Moves the messages <paramref name="choose"/> picks back to the queue they failed in; returns how many.</summary>
    public async Task<int> ReplayAsync(string queue, Func<FaultedMessage, bool> choose)
    {
        if (!queue.EndsWith(Suffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{queue} is not an error queue.", nameof(queue));
        }

        var original = queue[..^Suffix.Length];
        await using var connection = await Connect();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var moved = 0;
        while (await channel.BasicGetAsync(queue, autoAck: false) is { } message)
        {
            if (!choose(Describe(queue, message)))
            {
                continue; // left unacknowledged: it returns to the error queue when we close
            }

            var properties = new BasicProperties(message.BasicProperties);
            await channel.BasicPublishAsync(string.Empty, original, mandatory: true, properties, message.Body);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
            moved++;
        }

        return moved;
    }

    private string VirtualHost
    {
        get
        {
            var path = Uri.UnescapeDataString(amqp.AbsolutePath.TrimStart('/'));
            return path.Length == 0 ? "/" : path;
        }
    }

    private Task<IConnection> Connect() => new ConnectionFactory { Uri = amqp, ClientProvidedName = "visitation-error-queue" }.CreateConnectionAsync();

    private HttpClient ManagementClient()
    {
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        var user = Uri.UnescapeDataString(management.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        return http;
    }

    private static FaultedMessage Describe(string queue, BasicGetResult message)
    {
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        return new FaultedMessage(
            queue,
            message.BasicProperties.MessageId ?? string.Empty,
            MessageTypeOf(message.Body),
            Header(headers, "MT-Fault-ExceptionType"),
            Header(headers, "MT-Fault-Message"),
            Header(headers, "MT-Fault-Timestamp"),
            Encoding.UTF8.GetString(message.Body.Span));
    }

    private static string Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => string.Empty,
            _ => value.ToString() ?? string.Empty,
        } : string.Empty;

    private static string MessageTypeOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("messageType", out var types) && types.GetArrayLength() > 0
                ? types[0].GetString()?.Replace("urn:message:", string.Empty, StringComparison.Ordinal) ?? string.Empty
                : string.Empty;
        }
        catch (JsonException)
        {
            return "(not a MassTransit envelope)";
        }
    }

    private sealed record QueueInfo(string Name, long? Messages);
}
