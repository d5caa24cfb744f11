using Npgsql;

namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>
/// Makes PostgreSQL refuse the COMMIT of any transaction that wrote a tally, while armed: a
/// deferred constraint trigger, which the server runs at COMMIT, after every statement of the
/// transaction (the outbox insert included) has succeeded. The failure the tests inject is thus
/// the server's own, at the last moment, not an exception the test throws in the middle.
/// </summary>
internal static class CommitFailure
{
    public const string Message = "commit refused by the test";

    public static Task InstallAsync(TestDatabase database) => ExecuteAsync(database, $"""
        CREATE TABLE commit_failure (armed boolean PRIMARY KEY);
        CREATE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM commit_failure) THEN
                RAISE EXCEPTION '{Message}';
            END IF;
            RETURN NULL;
        END $$;
        CREATE CONSTRAINT TRIGGER tallies_refuse_commit AFTER INSERT OR UPDATE ON tallies
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_commit();
        INSERT INTO commit_failure VALUES (true);
        """);

    public static Task DisarmAsync(TestDatabase database) => ExecuteAsync(database, "DELETE FROM commit_failure");

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
