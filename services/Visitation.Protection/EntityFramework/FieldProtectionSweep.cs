using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Visitation.Protection.EntityFramework;

/// <summary>
/// Brings every protected column of a database onto the current key: rows still in clear (written
/// before encryption) and rows sealed with an older key version are opened and sealed again, with
/// their blind index, a batch per transaction. Rows are locked with SKIP LOCKED, so two instances
/// sweep side by side and a request that holds a row is never waited on. Old versions keep opening
/// throughout: readers never notice. Repeatable: a row already on the current key is never touched.
/// </summary>
public sealed class FieldProtectionSweep(FieldProtector protector)
{
    /// <summary>Sweeps one batch per protected table; returns how many rows it rewrote (0: all current).</summary>
    public async Task<int> RunBatchAsync(DbContext db, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rewritten = 0;
        foreach (var table in TablesOf(db.Model))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            rewritten += await SweepAsync(db, table, batchSize, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return rewritten;
    }

    /// <summary>
    /// Sweeps batch after batch until every protected row is on the current key; then, while a
    /// shared index key is being rotated, re-indexes the rows under it (<see cref="ReindexAsync"/>).
    /// </summary>
    public async Task<int> RunToEndAsync(DbContext db, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        int rewritten;
        while ((rewritten = await RunBatchAsync(db, batchSize, cancellationToken)) > 0)
        {
            total += rewritten;
        }

        return total + await ReindexAsync(db, batchSize, cancellationToken);
    }

    /// <summary>
    /// While the key of a blind index is being rotated (a shared key with a previous version), goes
    /// once through every row of the tables indexed under it, a batch per transaction in key order,
    /// opens the value and writes its index under the current key where it differs. Returns how many
    /// indexes changed (0 outside a rotation, and once every row is re-indexed). A row locked by a
    /// request is skipped this time and re-indexed by the next sweep.
    /// </summary>
    public async Task<int> ReindexAsync(DbContext db, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var changed = 0;
        foreach (var table in TablesOf(db.Model))
        {
            IReadOnlyList<ProtectedField> rotating = [.. table.Fields.Where(f => f.Index is not null && protector.IsRotating(f.IndexPurpose!))];
            object?[]? after = null;
            while (rotating.Count > 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var (rows, last) = await ReindexBatchAsync(db, table with { Fields = rotating }, after, batchSize, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                changed += rows;
                if (last is null)
                {
                    break;
                }

                after = last;
            }
        }

        return changed;
    }

    private static IEnumerable<ProtectedTable> TablesOf(IModel model) =>
        model.GetEntityTypes()
            .Select(type => (type, fields: ProtectedField.Of(type)))
            .Where(t => t.fields.Count > 0)
            .Select(t => new ProtectedTable(t.type.GetTableName()!, [.. t.type.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName())], t.fields));

    private async Task<int> SweepAsync(DbContext db, ProtectedTable table, int batchSize, CancellationToken ct)
    {
        var rows = await ReadStaleRowsAsync(db, table, batchSize, ct);
        foreach (var row in rows)
        {
            await RewriteAsync(db, table, row, ct);
        }

        return rows.Count;
    }

    private async Task<(int Changed, object?[]? Last)> ReindexBatchAsync(DbContext db, ProtectedTable table, object?[]? after, int batchSize, CancellationToken ct)
    {
        var keys = string.Join(", ", table.KeyColumns.Select(Quote));
        var columns = table.Fields.SelectMany(f => new[] { f.Column, f.Index!.GetColumnName() }).Select(Quote);
        await using var read = Command(db, string.Empty);
        var from = after is null ? "TRUE" : $"({keys}) > ({string.Join(", ", after.Select(v => Parameter(read, v)))})";
        read.CommandText = $"SELECT {keys}, {string.Join(", ", columns)} FROM {Quote(table.Name)} WHERE {from} ORDER BY {keys} LIMIT {batchSize} FOR UPDATE SKIP LOCKED";
        var rows = new List<object?[]>();
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var row = new object?[reader.FieldCount];
                reader.GetValues(row!);
                rows.Add(row);
            }
        }

        var changed = 0;
        foreach (var row in rows)
        {
            changed += await ReindexRowAsync(db, table, row, ct);
        }

        return (changed, rows.Count < batchSize ? null : rows[^1][..table.KeyColumns.Count]);
    }

    private async Task<int> ReindexRowAsync(DbContext db, ProtectedTable table, object?[] row, CancellationToken ct)
    {
        var key = row[..table.KeyColumns.Count];
        await using var command = Command(db, string.Empty);
        var assignments = new List<string>();
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var field = table.Fields[i];
            var stored = row[table.KeyColumns.Count + (2 * i)] as string ?? string.Empty;
            var clear = FieldProtector.IsSealed(stored) ? protector.Open(stored, field.PlaceOf(key)) : stored;
            var index = clear.Length == 0 ? null : protector.BlindIndex(clear, field.IndexPurpose!);
            if (!string.Equals(index, row[table.KeyColumns.Count + (2 * i) + 1] as string, StringComparison.Ordinal))
            {
                assignments.Add($"{Quote(field.Index!.GetColumnName())} = {Parameter(command, index)}");
            }
        }

        if (assignments.Count == 0)
        {
            return 0;
        }

        var where = string.Join(" AND ", table.KeyColumns.Select((c, i) => $"{Quote(c)} = {Parameter(command, key[i])}"));
        command.CommandText = $"UPDATE {Quote(table.Name)} SET {string.Join(", ", assignments)} WHERE {where}";
        await command.ExecuteNonQueryAsync(ct);
        return 1;
    }

    private async Task<List<object?[]>> ReadStaleRowsAsync(DbContext db, ProtectedTable table, int batchSize, CancellationToken ct)
    {
        var current = protector.CurrentPrefix;
        // An empty value is left empty (FieldProtectionInterceptor): never stale.
        var stale = string.Join(" OR ", table.Fields.Select(f =>
            $"({Quote(f.Column)} <> '' AND ({Quote(f.Column)} NOT LIKE '{current}%'" + (f.Index is null ? string.Empty : $" OR {Quote(f.Index.GetColumnName())} IS NULL") + "))"));
        var columns = string.Join(", ", table.KeyColumns.Concat(table.Fields.Select(f => f.Column)).Select(Quote));
        await using var command = Command(db, $"SELECT {columns} FROM {Quote(table.Name)} WHERE {stale} LIMIT {batchSize} FOR UPDATE SKIP LOCKED");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }

        return rows;
    }

    private async Task RewriteAsync(DbContext db, ProtectedTable table, object?[] row, CancellationToken ct)
    {
        var key = row[..table.KeyColumns.Count];
        var assignments = new List<string>();
        await using var command = Command(db, string.Empty);
        for (var i = 0; i < table.Fields.Count; i++)
        {
            var field = table.Fields[i];
            var place = field.PlaceOf(key);
            var stored = row[table.KeyColumns.Count + i] as string ?? string.Empty;
            var clear = FieldProtector.IsSealed(stored) ? protector.Open(stored, place) : stored;
            assignments.Add($"{Quote(field.Column)} = {Parameter(command, clear.Length == 0 ? string.Empty : protector.Seal(clear, place))}");
            if (field.Index is not null)
            {
                assignments.Add($"{Quote(field.Index.GetColumnName())} = {Parameter(command, clear.Length == 0 ? null : protector.BlindIndex(clear, field.IndexPurpose!))}");
            }
        }

        var where = string.Join(" AND ", table.KeyColumns.Select((c, i) => $"{Quote(c)} = {Parameter(command, key[i])}"));
        command.CommandText = $"UPDATE {Quote(table.Name)} SET {string.Join(", ", assignments)} WHERE {where}";
        await command.ExecuteNonQueryAsync(ct);
    }

    private static DbCommand Command(DbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    private static string Parameter(DbCommand command, object? value)
    {
        var name = $"p{command.Parameters.Count}";
        command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        return "@" + name;
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record ProtectedTable(string Name, IReadOnlyList<string> KeyColumns, IReadOnlyList<ProtectedField> Fields);
}
