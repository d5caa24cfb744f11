using System.Text.RegularExpressions;
using Npgsql;
using Visitation.Rules.Identity;

namespace Visitation.IntegrationTests.Privacy;

/// <summary>
/// Reads every row of every table of a service's database as the server holds it (each row as JSON
/// text, so every text, array and jsonb column is seen) and finds resident ID numbers (18 characters,
/// valid check character) and mobile numbers (11 digits) standing alone, in clear.
/// </summary>
internal static partial class ClearTextScan
{
    /// <summary>The audit chain's hashes: hex digests, not data, and the only columns left out.</summary>
    private static readonly string[] AuditHashColumns = ["row_hash", "previous_hash"];

    /// <summary>"table: masked match" for every number found in clear; empty when there is none.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var findings = new List<string>();
        foreach (var table in await TablesAsync(connection))
        {
            var dropped = string.Concat(AuditHashColumns.Select(c => $" - '{c}'"));
            await using var command = new NpgsqlCommand($"SELECT (to_jsonb(t){dropped})::text FROM \"{table}\" t", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                findings.AddRange(NumbersIn(reader.GetString(0)).Select(n => $"{table}: {n[..3]}…{n[^2..]}"));
            }
        }

        return findings;
    }

    /// <summary>
    /// "table" once for every row of <paramref name="tables"/> whose stored form (every column, as
    /// JSON text) contains <paramref name="text"/>: free text that should be sealed is found if any
    /// column still holds it in clear.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RowsContainingAsync(string connectionString, string text, params string[] tables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var findings = new List<string>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" t WHERE strpos(to_jsonb(t)::text, @text) > 0", connection);
            command.Parameters.AddWithValue("text", text);
            var rows = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
            findings.AddRange(Enumerable.Repeat(table, (int)rows));
        }

        return findings;
    }

    public static IEnumerable<string> NumbersIn(string text) =>
        IdNumbersIn(text).Concat(Phones().Matches(text).Select(m => m.Value).Where(MobileNumber.IsValid));

    public static IEnumerable<string> IdNumbersIn(string text) =>
        IdNumbers().Matches(text).Select(m => m.Value).Where(id => ResidentIdNumber.Check(id).IsValid);

    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var tables = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    // Standing alone: no letter or digit on either side (a longer number, a hex digest or base64 is not a match).
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumbers();

    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex Phones();
}
