using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Visitation.Testing.Processes;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// Each test run gets its own RabbitMQ virtual host, deleted afterwards: queues and bindings that
/// MassTransit declares would otherwise outlive the run and double the next run's work.
/// </summary>
public sealed class RabbitVirtualHost : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly string _name;
    private readonly List<string> _users = [];

    private RabbitVirtualHost(HttpClient http, string name, Uri amqp)
    {
        _http = http;
        _name = name;
        Amqp = amqp;
    }

    public Uri Amqp { get; }

    public static async Task<RabbitVirtualHost?> CreateAsync(ServerEndpoints servers, string name)
    {
        if (servers.RabbitManagement is null)
        {
            return null; // a throw-away container: its default vhost is ours alone
        }

        var management = servers.RabbitManagement;
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        var user = Uri.UnescapeDataString(management.UserInfo);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        using (var put = await http.PutAsync(new Uri($"api/vhosts/{name}", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            put.EnsureSuccessStatusCode();
        }

        var permissions = "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}";
        var userName = user.Split(':')[0];
        using (var grant = await http.PutAsync(new Uri($"api/permissions/{name}/{userName}", UriKind.Relative), new StringContent(permissions, Encoding.UTF8, "application/json")))
        {
            grant.EnsureSuccessStatusCode();
        }

        var amqp = new UriBuilder(servers.RabbitMq) { Path = "/" + name }.Uri;
        return new RabbitVirtualHost(http, name, amqp);
    }

    /// <summary>Messages in each queue of the run's virtual host (ready and unacknowledged), as the broker reports them.</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync()
    {
        using var response = await _http.GetAsync(new Uri($"api/queues/{_name}?columns=name,messages", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        var queues = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<List<QueueDepth>>(response.Content) ?? [];
        return queues.ToDictionary(q => q.Name, q => q.Messages ?? 0);
    }

    private sealed record QueueDepth(string Name, long? Messages);

    /// <summary>Every queue of the run's virtual host as the management API reports it (its statistics lag about a second).</summary>
    public async Task<IReadOnlyList<BrokerQueue>> QueuesAsync()
    {
        using var response = await _http.GetAsync(new Uri($"api/queues/{_name}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return json.RootElement.EnumerateArray().Select(BrokerQueue.From).ToList();
    }

    /// <summary>
    /// The AMQP delivery mode (2 = persistent) of the message at the head of a queue, read through
    /// the management API and put back (requeued), or null when the queue is empty.
    /// </summary>
    public async Task<int?> HeadDeliveryModeAsync(string queue)
    {
        using var body = new StringContent("{\"count\":1,\"ackmode\":\"ack_requeue_true\",\"encoding\":\"auto\",\"truncate\":1000}", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri($"api/queues/{_name}/{Uri.EscapeDataString(queue)}/get", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
        using var json = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return json.RootElement.GetArrayLength() == 0 ? null : json.RootElement[0].GetProperty("properties").GetProperty("delivery_mode").GetInt32();
    }

    /// <summary>Messages the broker has delivered to consumers in this virtual host so far (its statistics lag a few seconds).</summary>
    public async Task<long> DeliveredAsync()
    {
        using var response = await _http.GetAsync(new Uri($"api/vhosts/{_name}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        using var json = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return json.RootElement.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("deliver_get", out var delivered)
            ? delivered.GetInt64()
            : 0;
    }

    /// <summary>
    /// A user of the broker for this run only, allowed these permissions on the run's virtual host and
    /// nowhere else (not an administrator: no management API); removed with the virtual host.
    /// </summary>
    /// <returns>The run's broker address as that user.</returns>
    public async Task<Uri> AddUserAsync(string user, string password, BrokerPermissions permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        _users.Add(user);
        using (var put = await _http.PutAsync(new Uri($"api/users/{Uri.EscapeDataString(user)}", UriKind.Relative), Json(new { password, tags = "" })))
        {
            put.EnsureSuccessStatusCode();
        }

        var grant = new { configure = permissions.Configure, write = permissions.Write, read = permissions.Read };
        using (var put = await _http.PutAsync(new Uri($"api/permissions/{_name}/{Uri.EscapeDataString(user)}", UriKind.Relative), Json(grant)))
        {
            put.EnsureSuccessStatusCode();
        }

        return new UriBuilder(Amqp) { UserName = Uri.EscapeDataString(user), Password = Uri.EscapeDataString(password) }.Uri;
    }

    public async ValueTask DisposeAsync()
    {
        using var _ = await _http.DeleteAsync(new Uri($"api/vhosts/{_name}", UriKind.Relative));
        foreach (var user in _users)
        {
            using var deleted = await _http.DeleteAsync(new Uri($"api/users/{Uri.EscapeDataString(user)}", UriKind.Relative));
        }

        _http.Dispose();
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
