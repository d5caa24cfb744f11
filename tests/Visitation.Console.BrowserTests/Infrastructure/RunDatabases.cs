using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// What the run owns on the shared servers, named after it and removed afterwards: one database per
/// service (the services create and migrate them as they start) and one RabbitMQ virtual host.
/// </summary>
internal sealed class RunDatabases(TestServers servers, string runId) : IAsyncDisposable
{
    private readonly List<string> _databases = [];
    private HttpClient? _management;

    public string Database(string service)
    {
        var name = $"{runId}_{service}";
        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = name }.ConnectionString;
    }

    /// <summary>Creates the run's virtual host and returns the broker address inside it.</summary>
    public async Task<Uri> VirtualHostAsync()
    {
        var user = Uri.UnescapeDataString(servers.RabbitManagement.UserInfo);
        _management = new HttpClient { BaseAddress = new Uri(servers.RabbitManagement.GetLeftPart(UriPartial.Authority)) };
        _management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user)));
        using var json = new StringContent("{}", Encoding.UTF8, "application/json");
        (await _management.PutAsync(new Uri($"api/vhosts/{runId}", UriKind.Relative), json)).EnsureSuccessStatusCode();
        using var all = new StringContent("{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}", Encoding.UTF8, "application/json");
        (await _management.PutAsync(new Uri($"api/permissions/{runId}/{user.Split(':')[0]}", UriKind.Relative), all)).EnsureSuccessStatusCode();
        return new UriBuilder(servers.RabbitMq) { Path = "/" + runId }.Uri;
    }

    public async ValueTask DisposeAsync()
    {
        if (_management is not null)
        {
            using var deleted = await _management.DeleteAsync(new Uri($"api/vhosts/{runId}", UriKind.Relative));
            _management.Dispose();
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        foreach (var database in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
