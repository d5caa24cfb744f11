using System.Text.RegularExpressions;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Console.Pages.VenueStaff;

/// <summary>
/// Check-in at the door: the ID number read from each visitor's document (one row per booked
/// visitor; a visitor who did not come is left empty) and the staff's word that they checked the
/// documents and did the security check. The service compares each number with the booked ones.
/// </summary>
public sealed partial class CheckInForm
{
    public List<string?> IdNumbers { get; set; } = [];

    public bool IdentityChecked { get; set; }

    /// <summary>The rows typed in, with the row each came from (the request leaves the empty ones out).</summary>
    public IReadOnlyList<(int Row, string IdNumber)> Typed() =>
        [.. IdNumbers.Select((number, row) => (row, number?.Trim() ?? string.Empty)).Where(r => r.Item2.Length > 0)];

    public CheckInRequest ToRequest(string visitId, IReadOnlyList<(int Row, string IdNumber)> typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        return new CheckInRequest { VisitId = visitId, IdentityChecked = IdentityChecked, VisitorIdNumbers = { typed.Select(t => t.IdNumber) } };
    }

    /// <summary>The service's <c>visitor_id_numbers[i]</c> (the i-th number sent) as the row the staff typed it in.</summary>
    public static string ToFormPath(string protoPath, IReadOnlyList<(int Row, string IdNumber)> typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var sent = SentNumber().Match(protoPath);
        return sent.Success && int.Parse(sent.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < typed.Count
            ? $"id_numbers[{typed[i].Row}]"
            : protoPath;
    }

    [GeneratedRegex(@"^visitor_id_numbers\[(\d+)\]$")]
    private static partial Regex SentNumber();
}
