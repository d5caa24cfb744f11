using Testcontainers.PostgreSql;

namespace Visitation.Identity.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the test run: the one deploy/test.sh starts (VISITATION_TEST_POSTGRES),
/// else a Testcontainers one when Docker is there. With neither the tests fail and say why; they never skip.
/// </summary>
internal static class TestPostgres
{
    private static readonly Lazy<Task<string>> ConnectionString = new(FindAsync);

    public static Task<string> ConnectionStringAsync() => ConnectionString.Value;

    private static async Task<string> FindAsync()
    {
        var configured = Environment.GetEnvironmentVariable("VISITATION_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        try
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            await container.StartAsync();
            return container.GetConnectionString();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                "The identity tests need a real PostgreSQL. VISITATION_TEST_POSTGRES is not set and no Docker engine is available (" +
                ex.Message + "). Run the suite with `bash deploy/test.sh`, which starts a local server.", ex);
        }
    }
}
