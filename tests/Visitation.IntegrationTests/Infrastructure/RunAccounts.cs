using System.Security.Cryptography;
using Npgsql;
using Visitation.Testing.Processes;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// Each service's own accounts for one test run, from the declaration deploy/local/infra.sh makes a
/// profile's from (deploy/local/service-accounts.json, docs/local-credentials.md): a PostgreSQL login
/// role owning the service's database of the run and nothing else, and a RabbitMQ user with the
/// service's permissions on the run's virtual host. The services run as them, never as the servers'
/// administrators, which stay with the tests (to read and break what the services wrote). Named after
/// the run, so runs never share one; removed with the run.
/// </summary>
public sealed class RunAccounts(string administrator, RabbitVirtualHost virtualHost, string runId)
{
    private readonly List<string> _roles = [];

    /// <summary>What a service of the run connects with: its database's connection string and its broker address.</summary>
    public sealed record Connections(string Database, Uri Broker);

    /// <summary>The service's role, its database (owned by the role, closed to every other role) and its broker user.</summary>
    public async Task<Connections> CreateAsync(string service, string database)
    {
        var account = ServiceAccount.Named(service.Replace('_', '-'));
        var role = $"{runId}_{account.Role}";
        var password = Password();
        await using (var connection = await OpenAsync())
        {
            _roles.Add(role);
            await ExecuteAsync(connection, $"CREATE ROLE \"{role}\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{password}'");
            await ExecuteAsync(connection, $"CREATE DATABASE \"{database}\" OWNER \"{role}\"");
            await ExecuteAsync(connection, $"REVOKE ALL ON DATABASE \"{database}\" FROM PUBLIC");
        }

        var broker = await virtualHost.AddUserAsync($"{runId}-{account.Name}", Password(), account.RabbitMq);
        var own = new NpgsqlConnectionStringBuilder(administrator) { Database = database, Username = role, Password = password };
        return new Connections(own.ConnectionString, broker);
    }

    /// <summary>Drops the run's roles, once their databases are gone (a role that owns one cannot be dropped).</summary>
    public async Task DropRolesAsync()
    {
        await using var connection = await OpenAsync();
        foreach (var role in _roles)
        {
            await ExecuteAsync(connection, $"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(administrator) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Letters and digits: it goes into an amqp:// address and a connection string as it is.</summary>
    private static string Password() => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 32);
}
