using System.Globalization;

namespace Visitation.Messaging.Audit;

/// <summary>
/// The audit tables, the triggers that chain and protect them, and the privileges, as one SQL text
/// each service's migration runs. The service's role (the owner, when it is not a superuser) keeps
/// INSERT and SELECT only; the triggers refuse UPDATE, DELETE and TRUNCATE to everyone, superusers
/// included, unless a superuser turns triggers off (the purge, <see cref="AuditPurge"/>).
/// <c>audit_row_hash</c> must write the same text as <see cref="AuditHash.Canonical"/>.
/// </summary>
public static class AuditSchema
{
    public static string Create { get; } = """
        CREATE SEQUENCE audit_seq AS bigint;

        CREATE TABLE audit_log (
            seq bigint PRIMARY KEY,
            chain text NOT NULL CHECK (chain IN ('changes', 'reads')),
            recorded_at timestamptz NOT NULL,
            actor_user_id text NOT NULL,
            actor_role text NOT NULL,
            actor_organisation text NOT NULL,
            actor_client_id text,
            event_type text NOT NULL,
            record_type text NOT NULL,
            record_id text,
            reason_code text,
            purpose text,
            outcome text NOT NULL,
            trace_id text,
            previous_hash text NOT NULL,
            row_hash text NOT NULL
        );
        CREATE INDEX ix_audit_log_chain_seq ON audit_log (chain, seq);

        CREATE TABLE audit_anchors (
            chain text NOT NULL,
            seq bigint NOT NULL,
            row_hash text NOT NULL,
            purged_at timestamptz NOT NULL,
            PRIMARY KEY (chain, seq)
        );

        CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
            SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END
        $$;

        {{HASH}}

        -- Whatever the inserter gave for seq and the hashes is replaced: the position and the link
        -- are the database's, taken under the audit lock so that they follow commit order.
        CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE previous text;
        BEGIN
            PERFORM pg_advisory_xact_lock({{KEY}});
            NEW.seq := nextval('audit_seq');
            SELECT row_hash INTO previous FROM audit_log WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
            IF previous IS NULL THEN
                SELECT row_hash INTO previous FROM audit_anchors WHERE chain = NEW.chain ORDER BY seq DESC LIMIT 1;
            END IF;
            NEW.previous_hash := coalesce(previous, repeat('0', 64));
            NEW.row_hash := audit_row_hash(NEW);
            RETURN NEW;
        END $$;

        CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;

        CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_append_only();
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
        CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE ON audit_anchors FOR EACH ROW EXECUTE FUNCTION audit_append_only();
        CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

        REVOKE ALL ON audit_log, audit_anchors FROM PUBLIC;
        REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log, audit_anchors FROM CURRENT_USER;
        """
        .Replace("{{HASH}}", HashFunction(withOwner: false), StringComparison.Ordinal)
        .Replace("{{KEY}}", AuditLock.Key.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>
    /// The owning organisation (docs/audit.md), added to a chain that may already hold rows: a
    /// nullable column, and the hash function again with the column as a sixteenth field written
    /// only when it is set, as <see cref="AuditHash.Canonical"/> does. Rows already chained have no
    /// owner and hash as before, so they keep verifying; nothing is rewritten (the table is append-only).
    /// Run after <see cref="Create"/> (each service's <c>…_AuditOwner</c> migration).
    /// </summary>
    public static string AddOwner { get; } = $"""
        ALTER TABLE audit_log ADD COLUMN owner_organisation text;
        {HashFunction(withOwner: true)}
        """;

    /// <summary>Undoes <see cref="AddOwner"/>: the hash without the column, then the column (rows that had an owner are gone with it).</summary>
    public static string DropOwner { get; } = $"""
        {HashFunction(withOwner: false)}
        ALTER TABLE audit_log DROP COLUMN owner_organisation;
        """;

    /// <summary>
    /// <c>audit_row_hash</c>: the canonical text of <see cref="AuditHash.Canonical"/>, hashed. With the
    /// owner, the owner is a sixteenth field appended only when set (see <see cref="AuditHash"/>).
    /// </summary>
    private static string HashFunction(bool withOwner) => $"""
        CREATE OR REPLACE FUNCTION audit_row_hash(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
            SELECT encode(sha256(convert_to(
                audit_field(r.seq::text) || '|' || audit_field(r.chain) || '|' ||
                audit_field(to_char(r.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) || '|' ||
                audit_field(r.actor_user_id) || '|' || audit_field(r.actor_role) || '|' ||
                audit_field(r.actor_organisation) || '|' || audit_field(r.actor_client_id) || '|' ||
                audit_field(r.event_type) || '|' || audit_field(r.record_type) || '|' ||
                audit_field(r.record_id) || '|' || audit_field(r.reason_code) || '|' ||
                audit_field(r.purpose) || '|' || audit_field(r.outcome) || '|' ||
                audit_field(r.trace_id) || '|' || audit_field(r.previous_hash){(withOwner ? OwnerField : string.Empty)},
                'UTF8')), 'hex')
        $$;
        """;

    private const string OwnerField = """
         ||
                CASE WHEN r.owner_organisation IS NULL THEN '' ELSE '|' || audit_field(r.owner_organisation) END
        """;

    public static string Drop { get; } = """
        DROP TABLE IF EXISTS audit_log CASCADE;
        DROP TABLE IF EXISTS audit_anchors;
        DROP FUNCTION IF EXISTS audit_log_chain();
        DROP FUNCTION IF EXISTS audit_append_only();
        DROP FUNCTION IF EXISTS audit_row_hash(audit_log);
        DROP FUNCTION IF EXISTS audit_field(text);
        DROP SEQUENCE IF EXISTS audit_seq;
        """;
}
