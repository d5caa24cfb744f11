using Npgsql;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Audit;

/// <summary>
/// A service's own login role, as production runs one: not a superuser, owner of a schema of its
/// own in which its migrations create the tables. Dropped with everything it owns afterwards.
/// </summary>
public sealed class ServiceRole : IAsyncDisposable
{
    private readonly string _superuser;
    private readonly string _name;

    private ServiceRole(string superuser, string name, string connectionString) => (_superuser, _name, ConnectionString) = (superuser, name, connectionString);

    public string ConnectionString { get; }

    public static async Task<ServiceRole> CreateAsync(TestDatabase database)
    {
        var name = "svc_" + Guid.NewGuid().ToString("N")[..12];
        var database_ = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await AuditDatabase.ExecuteAsync(database.ConnectionString,
            $"CREATE ROLE {name} LOGIN PASSWORD '{name}' NOSUPERUSER; CREATE SCHEMA {name} AUTHORIZATION {name}; GRANT CONNECT ON DATABASE \"{database_}\" TO {name};");
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = name, Password = name, SearchPath = name, Pooling = false };
        return new ServiceRole(database.ConnectionString, name, connection.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await AuditDatabase.ExecuteAsync(_superuser, $"DROP OWNED BY {_name} CASCADE; DROP ROLE {_name};");
    }
}
