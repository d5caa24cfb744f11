using Npgsql;

namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>
/// Holds a transaction that wrote a tally inside its COMMIT for as long as the test keeps the gate
/// closed: a deferred constraint trigger, run by the server at COMMIT, waits for a row the test
/// has locked. The transaction has by then done everything a commit does before the server's part.
/// </summary>
internal sealed class CommitGate : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _closed;

    private CommitGate(NpgsqlConnection connection, NpgsqlTransaction closed)
    {
        _connection = connection;
        _closed = closed;
    }

    /// <summary>Installs the gate's trigger and closes it.</summary>
    public static async Task<CommitGate> CloseAsync(TestDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var install = new NpgsqlCommand("""
            CREATE TABLE commit_gate (id int PRIMARY KEY);
            INSERT INTO commit_gate VALUES (1);
            CREATE FUNCTION wait_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM 1 FROM commit_gate FOR SHARE;
                RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER tallies_wait_at_commit AFTER INSERT OR UPDATE ON tallies
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION wait_at_commit();
            """, connection))
        {
            await install.ExecuteNonQueryAsync(ct);
        }

        var closed = await connection.BeginTransactionAsync(ct);
        await using var close = new NpgsqlCommand("SELECT id FROM commit_gate FOR UPDATE", connection, closed);
        await close.ExecuteNonQueryAsync(ct);
        return new CommitGate(connection, closed);
    }

    /// <summary>How many transactions of this database wait for a lock of the given type ('advisory', 'tuple', 'transactionid').</summary>
    public static async Task<long> WaitingForLockAsync(TestDatabase database, string lockType)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = @type AND (database IS NULL OR database = (SELECT oid FROM pg_database WHERE datname = current_database()))",
            connection);
        count.Parameters.AddWithValue("type", lockType);
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Lets the held commit finish.</summary>
    public Task OpenAsync() => _closed.RollbackAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _closed.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
