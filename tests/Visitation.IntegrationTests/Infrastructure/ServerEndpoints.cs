using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ are: the local servers that deploy/test.sh started
/// (VISITATION_TEST_* variables), or else containers when a Docker engine exists. With neither,
/// the suite fails and says so — it never skips.
/// </summary>
public sealed record ServerEndpoints(string Postgres, Uri RabbitMq, Uri? RabbitManagement, IAsyncDisposable? Containers)
{
    public static async Task<ServerEndpoints> ResolveAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("VISITATION_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("VISITATION_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("VISITATION_TEST_RABBITMQ_MANAGEMENT");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(rabbit))
        {
            return new ServerEndpoints(postgres, new Uri(rabbit), string.IsNullOrEmpty(management) ? null : new Uri(management), null);
        }

        try
        {
            var pg = new PostgreSqlBuilder("postgres:15").Build();
            var mq = new RabbitMqBuilder("rabbitmq:3.13-management").Build();
            await Task.WhenAll(pg.StartAsync(), mq.StartAsync());
            return new ServerEndpoints(pg.GetConnectionString(), new Uri(mq.GetConnectionString()), null, new ContainerPair(pg, mq));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                "Integration tests need real PostgreSQL and RabbitMQ. No VISITATION_TEST_POSTGRES/VISITATION_TEST_RABBITMQ " +
                "variables were set and no Docker engine is available (" + ex.Message + "). Run the suite with `bash deploy/test.sh`, " +
                "which starts local servers.", ex);
        }
    }

    private sealed class ContainerPair(PostgreSqlContainer pg, RabbitMqContainer mq) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await pg.DisposeAsync();
            await mq.DisposeAsync();
        }
    }
}
