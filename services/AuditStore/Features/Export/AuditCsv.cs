using System.Globalization;
using System.Text;
using Visitation.AuditStore.Data;

namespace Visitation.AuditStore.Features.Export;

/// <summary>
/// Audit rows as CSV (RFC 4180): a header, then one line per row, CRLF line ends, UTF-8. Audit rows
/// hold codes and ids only, no personal data, so the file is safe to hand on. A field with a comma,
/// quote or line break is quoted (quotes doubled); one starting like a spreadsheet formula
/// (<c>= + - @</c>, tab, CR) gets a leading apostrophe so a spreadsheet shows it instead of running it.
/// </summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "service", "chain", "seq", "recorded_at", "actor_user_id", "actor_role", "actor_organisation", "actor_client_id", "event_type",
        "record_type", "record_id", "reason_code", "purpose", "outcome", "trace_id", "previous_hash", "row_hash", "link_broken",
        "owner_organisation",
    ];

    public static byte[] Write(IEnumerable<StoredAuditRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var row in rows)
        {
            Line(csv,
            [
                row.Service, row.Chain, row.Seq.ToString(CultureInfo.InvariantCulture),
                row.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                row.ActorUserId, row.ActorRole, row.ActorOrganisation, row.ActorClientId, row.EventType, row.RecordType, row.RecordId,
                row.ReasonCode, row.Purpose, row.Outcome, row.TraceId, row.PreviousHash, row.RowHash, row.LinkBroken ? "true" : "false",
                row.OwnerOrganisation,
            ]);
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>One field as it is written: guarded against formulas, then quoted when it must be.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder csv, IEnumerable<string?> fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
}
