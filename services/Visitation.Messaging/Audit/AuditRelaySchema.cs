namespace Visitation.Messaging.Audit;

/// <summary>
/// Where the audit relay (<see cref="AuditRelay"/>) has got to in each chain: the last <c>seq</c> it
/// published and saw confirmed. A table of its own, because <c>audit_log</c> stays append-only
/// (nothing may mark its rows sent). Each service's migration runs <see cref="Create"/>.
/// </summary>
public static class AuditRelaySchema
{
    public static string Create { get; } = """
        CREATE TABLE audit_relay_cursor (
            chain text PRIMARY KEY CHECK (chain IN ('changes', 'reads')),
            last_seq bigint NOT NULL
        );
        INSERT INTO audit_relay_cursor (chain, last_seq) VALUES ('changes', 0), ('reads', 0);
        """;

    public static string Drop { get; } = "DROP TABLE IF EXISTS audit_relay_cursor;";
}
