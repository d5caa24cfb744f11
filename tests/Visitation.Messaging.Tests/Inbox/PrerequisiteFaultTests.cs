using Npgsql;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Inbox;

/// <summary>
/// A consumer's row that refers to one not there yet (a foreign key refuses it) is an earlier event
/// still on its way: it comes back as often as a handler's own <see cref="PrerequisiteMissingException"/>;
/// other refusals by the database are plain faults.
/// </summary>
public sealed class PrerequisiteFaultTests : DatabaseTest
{
    [Fact]
    public async Task ARowReferringToOneNotThereYetIsAPrerequisiteMissing()
    {
        var refused = await RefusedAsync("INSERT INTO steps (application_id) VALUES (42)");

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, refused.SqlState);
        Assert.True(TransientFaults.IsPrerequisiteMissing(new InvalidOperationException("saving", refused)));
    }

    [Fact]
    public async Task ADuplicateKeyIsNotAPrerequisiteMissing()
    {
        var refused = await RefusedAsync("INSERT INTO applications (id) VALUES (1); INSERT INTO applications (id) VALUES (1)");

        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
        Assert.False(TransientFaults.IsPrerequisiteMissing(refused));
    }

    private async Task<PostgresException> RefusedAsync(string statement)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var schema = new NpgsqlCommand(
            "CREATE TABLE applications (id int PRIMARY KEY); CREATE TABLE steps (application_id int NOT NULL REFERENCES applications (id))", connection))
        {
            await schema.ExecuteNonQueryAsync(ct);
        }

        await using var command = new NpgsqlCommand(statement, connection);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(ct));
    }
}
