using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Visitation.Messaging.Audit;

/// <summary>
/// A row's hash: SHA-256 over a canonical text of every column but the hash itself, the previous
/// row's hash included, so changing any row breaks its own hash and unlinks the next one. The
/// database computes the same text in <c>audit_row_hash</c> (<see cref="AuditSchema"/>) as rows are
/// inserted; this copy is the verifier's. Each field is written as its UTF-8 byte length, a colon and
/// the value (null as <c>~</c>), fields joined by <c>|</c>: no value can pass for two.
/// The owning organisation, added after rows were already chained, is a sixteenth field written only
/// when the row has one: a row without an owner hashes exactly as every row did before (so the rows
/// written before the column existed still verify), and a row with one cannot lose it unseen (its text,
/// and so its hash, changes). Field count and length prefixes keep the two forms apart.
/// </summary>
public static class AuditHash
{
    /// <summary>The previous hash of a chain's very first row.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Of(AuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var bytes = Encoding.UTF8.GetBytes(Canonical(row));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static string Canonical(AuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string?[] fields =
        [
            row.Seq.ToString(CultureInfo.InvariantCulture),
            row.Chain,
            Instant(row.RecordedAt),
            row.ActorUserId,
            row.ActorRole,
            row.ActorOrganisation,
            row.ActorClientId,
            row.EventType,
            row.RecordType,
            row.RecordId,
            row.ReasonCode,
            row.Purpose,
            row.Outcome,
            row.TraceId,
            row.PreviousHash,
        ];
        var text = string.Join('|', fields.Select(Field));
        return row.OwnerOrganisation is null ? text : $"{text}|{Field(row.OwnerOrganisation)}";
    }

    /// <summary>UTC to the microsecond, as PostgreSQL stores a timestamptz.</summary>
    private static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Field(string? value) =>
        value is null ? "~" : $"{Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)}:{value}";
}
