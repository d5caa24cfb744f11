using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Visitation.Benchmarks.Infrastructure;

/// <summary>
/// RabbitMQ's management API for one run: the run's own virtual host (so its message statistics are
/// the run's alone, and its queues go with it), the broker's operating-system process, and the host's counters.
/// </summary>
public sealed class RabbitManagement : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly string _user;

    public RabbitManagement(Uri management, string virtualHost)
    {
        ArgumentNullException.ThrowIfNull(management);
        VirtualHost = virtualHost;
        _user = Uri.UnescapeDataString(management.UserInfo);
        _http = Client(management);
    }

    /// <summary>A client of the management API at <paramref name="management"/>, as the user its address names (http://user:password@host:port/).</summary>
    public static HttpClient Client(Uri management, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(management);
        var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        if (timeout is { } limit)
        {
            http.Timeout = limit;
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        return http;
    }

    public string VirtualHost { get; }

    public async Task CreateVirtualHostAsync()
    {
        using (var put = await _http.PutAsync(VhostPath(""), new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            put.EnsureSuccessStatusCode();
        }

        var permissions = "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}";
        using var grant = await _http.PutAsync(new Uri($"api/permissions/{VirtualHost}/{_user.Split(':')[0]}", UriKind.Relative), new StringContent(permissions, Encoding.UTF8, "application/json"));
        grant.EnsureSuccessStatusCode();
    }

    /// <summary>Messages published into the run's virtual host and delivered from it so far, as the broker counts them (its statistics lag a few seconds).</summary>
    public async Task<MessageCounts> MessagesAsync()
    {
        using var json = await GetAsync(VhostPath(""));
        if (!json.RootElement.TryGetProperty("message_stats", out var stats))
        {
            return new MessageCounts(0, 0);
        }

        return new MessageCounts(Count(stats, "publish"), Count(stats, "deliver_get"));
    }

    /// <summary>The broker's Erlang VM, for its CPU time; null when the API does not say (a remote broker).</summary>
    public async Task<int?> BrokerProcessIdAsync()
    {
        using var json = await GetAsync(new Uri("api/nodes", UriKind.Relative));
        foreach (var node in json.RootElement.EnumerateArray())
        {
            if (node.TryGetProperty("os_pid", out var pid) && int.TryParse(pid.GetString(), out var id))
            {
                return id;
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        using (await _http.DeleteAsync(VhostPath("")))
        {
        }

        _http.Dispose();
    }

    private Uri VhostPath(string rest) => new($"api/vhosts/{Uri.EscapeDataString(VirtualHost)}{rest}", UriKind.Relative);

    private async Task<JsonDocument> GetAsync(Uri path)
    {
        using var response = await _http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }

    private static long Count(JsonElement stats, string name) => stats.TryGetProperty(name, out var value) ? value.GetInt64() : 0;
}

/// <summary>Messages published into the run's virtual host and delivered to consumers.</summary>
public sealed record MessageCounts(long Published, long Delivered)
{
    public static MessageCounts operator -(MessageCounts after, MessageCounts before) =>
        new(after.Published - before.Published, after.Delivered - before.Delivered);
}
