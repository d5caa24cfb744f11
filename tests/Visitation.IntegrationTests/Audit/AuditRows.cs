using Npgsql;
using Visitation.Messaging.Audit;

namespace Visitation.IntegrationTests.Audit;

/// <summary>A service's audit rows as the test reads them, straight from its database.</summary>
public static class AuditRows
{
    public static async Task<IReadOnlyList<AuditRow>> AllAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await Messaging.Audit.AuditStore.RowsAsync(connection, null, CancellationToken.None);
    }

    /// <summary>The rows of one event about one record.</summary>
    public static async Task<IReadOnlyList<AuditRow>> OfAsync(string connectionString, string eventType, string recordId) =>
        [.. (await AllAsync(connectionString)).Where(row => row.EventType == eventType && row.RecordId == recordId)];

    /// <summary>The internal id under which the prison's register keeps an inmate (audit rows name records by their ids).</summary>
    public static async Task<string> InmateIdAsync(string connectionString, string inmateNumber)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id::text FROM inmates WHERE inmate_number = @number", connection);
        command.Parameters.AddWithValue("number", inmateNumber);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
