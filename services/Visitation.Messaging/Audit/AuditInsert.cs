using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Visitation.Messaging.Audit;

/// <summary>
/// The INSERT of audit rows: the columns a writer supplies. The trigger fills in the position and
/// the hashes, whatever the statement says.
/// </summary>
public static class AuditInsert
{
    private static readonly string[] Columns =
    [
        "chain", "recorded_at", "actor_user_id", "actor_role", "actor_organisation", "actor_client_id",
        "event_type", "record_type", "record_id", "reason_code", "purpose", "outcome", "trace_id", "owner_organisation",
    ];

    /// <summary>The most rows one statement carries: 14 parameters each, within PostgreSQL's 65,535 a statement.</summary>
    public const int RowsPerStatement = 1000;

    public static string Sql(int rows)
    {
        var sql = new StringBuilder("INSERT INTO audit_log (").AppendJoin(", ", Columns).Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (")
                .AppendJoin(", ", Columns.Select((_, column) => string.Create(CultureInfo.InvariantCulture, $"@p{row}_{column}")))
                .Append(')');
        }

        return sql.ToString();
    }

    /// <summary>Adds one row's parameters; call once per row, in the order of <see cref="Sql"/>'s rows.</summary>
    public static void AddParameters(DbCommand command, AuditEntry entry, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(entry);
        var row = command.Parameters.Count / Columns.Length;
        object?[] values =
        [
            entry.Chain.Name(), recordedAt.ToUniversalTime(), entry.Actor.UserId, entry.Actor.Role, entry.Actor.OrganisationId, entry.Actor.ClientId,
            entry.EventType, entry.RecordType, entry.RecordId, entry.ReasonCode, entry.Purpose, entry.Outcome, entry.TraceId, entry.OwnerOrganisation,
        ];
        for (var column = 0; column < values.Length; column++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = string.Create(CultureInfo.InvariantCulture, $"p{row}_{column}");
            parameter.Value = values[column] ?? DBNull.Value;
            if (values[column] is null)
            {
                parameter.DbType = System.Data.DbType.String;
            }

            command.Parameters.Add(parameter);
        }
    }
}
