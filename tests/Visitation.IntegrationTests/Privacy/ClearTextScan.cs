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

    /// <summary>
    /// Events in flight that still carry the full numbers by design until "minimum data in events"
    /// (issue 12) is done: ApplicationSubmitted's body, in the outbox that publishes it and in the
    /// timers table that holds a delayed redelivery of it. Every other event body is scanned.
    /// </summary>
    private const string EventsStillCarryingNumbers = "%.ApplicationSubmitted";

    /// <summary>The tables that hold event bodies by their message type.</summary>
    private static readonly string[] EventTables = ["outbox_messages", "scheduled_messages"];

    /// <summary>"table: masked match" for every number found in clear; empty when there is none.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var findings = new List<string>();
        foreach (var table in await TablesAsync(connection))
        {
            var dropped = string.Concat(AuditHashColumns.Select(c => $" - '{c}'"));
            var filter = EventTables.Contains(table) ? $" WHERE message_type NOT LIKE '{EventsStillCarryingNumbers}'" : string.Empty;
            await using var command = new NpgsqlCommand($"SELECT (to_jsonb(t){dropped})::text FROM \"{table}\" t{filter}", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                findings.AddRange(NumbersIn(reader.GetString(0)).Select(n => $"{table}: {n[..3]}…{n[^2..]}"));
            }
        }

        return findings;
    }

    public static IEnumerable<string> NumbersIn(string text) =>
        IdNumbers().Matches(text).Select(m => m.Value).Where(id => ResidentIdNumber.Check(id).IsValid)
            .Concat(Phones().Matches(text).Select(m => m.Value).Where(MobileNumber.IsValid));

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
