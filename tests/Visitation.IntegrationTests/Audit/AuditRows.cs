using Npgsql;
using Visitation.IntegrationTests.Infrastructure;
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

    /// <summary>
    /// Asserts that exactly one row of the event names the record, whoever wrote it, and that it has
    /// the actor and chain expected; returns it.
    /// </summary>
    public static async Task<AuditRow> SingleAsync(VisitationSystem system, string service, string eventType, string recordId,
        AuditedActor actor, AuditChain chain = AuditChain.Changes) =>
        Expect(Assert.Single(await OfAsync(system.Databases[service], eventType, recordId)), actor, chain);

    /// <summary>
    /// Asserts that exactly one row of the event about the record (null: a list or search) was written
    /// by this actor: for reads, which the tests make as users of their own (the same record is read
    /// by others, and a list names no record).
    /// </summary>
    public static async Task<AuditRow> SingleByAsync(VisitationSystem system, string service, string eventType, string? recordId,
        AuditedActor actor, AuditChain chain) =>
        Expect(Assert.Single(await AllAsync(system.Databases[service]),
            row => row.EventType == eventType && row.RecordId == recordId && row.ActorUserId == actor.User), actor, chain);

    /// <summary>
    /// <see cref="SingleAsync"/> for a row a consumer or timer writes after the call returned: waits
    /// until one is there, then asserts it is the only one.
    /// </summary>
    public static async Task<AuditRow> SingleEventuallyAsync(VisitationSystem system, string service, string eventType, string recordId,
        AuditedActor actor, AuditChain chain = AuditChain.Changes)
    {
        await Eventually.Until(() => OfAsync(system.Databases[service], eventType, recordId), rows => rows.Count > 0, $"the {eventType} row of {recordId}");
        return await SingleAsync(system, service, eventType, recordId, actor, chain);
    }

    private static AuditRow Expect(AuditRow row, AuditedActor actor, AuditChain chain)
    {
        Assert.Equal((actor.User, actor.Role, actor.Organisation, chain.Name()), (row.ActorUserId, row.ActorRole, row.ActorOrganisation, row.Chain));
        return row;
    }

    /// <summary>Asserts that no column a person could be named in holds any of the values (names, phones, ID and inmate numbers).</summary>
    public static void AssertNoPersonalData(IEnumerable<AuditRow> rows, params string[] personal)
    {
        var texts = rows.SelectMany(row => new[] { row.ActorUserId, row.ActorOrganisation, row.RecordType, row.RecordId, row.ReasonCode, row.Purpose, row.Outcome, row.TraceId });
        Assert.DoesNotContain(texts, text => text is not null && personal.Any(value => text.Contains(value, StringComparison.Ordinal)));
    }

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
