using System.Text.RegularExpressions;
using Visitation.Application.Data;

namespace Visitation.Application.Features.ListApplications;

/// <summary>
/// The clerk's search box: an application number, whole or a run of at least 8 of its characters (the
/// last ones: the numbers are UUIDv7, whose first characters are the time of filing and shared by the
/// applications of the same minute), or part of a name — the inmate's or a visitor's. Names are stored in clear in the office's own
/// rows (docs/encryption-at-rest.md seals only ID and phone numbers), so a name is searched as typed;
/// an ID or phone number is not searchable at all (it would need a blind index; the clerk has the
/// application number from the receipt instead).
/// </summary>
public static partial class ApplicationSearch
{
    /// <summary>The fewest characters of a number that search by number: fewer would match by chance.</summary>
    public const int ShortestNumber = 8;

    /// <summary>A whole application number with room to spare; a longer text is no search a clerk typed.</summary>
    public const int LongestQuery = 40;

    /// <summary>What the search was by, for the audit row: never the search's text itself (it may be a name).</summary>
    public static string KindOf(string query) => IsNumber(query.Trim()) ? "number" : "name";

    public static IQueryable<VisitApplication> Matching(this IQueryable<VisitApplication> applications, string query)
    {
        var text = query.Trim();
        if (Guid.TryParse(text, out var id))
        {
            return applications.Where(a => a.Id == id);
        }

        if (IsNumber(text))
        {
            var part = text.ToLowerInvariant();
            // PostgreSQL prints a uuid in lower case with hyphens, as the receipt shows it.
            return applications.Where(a => a.Id.ToString().Contains(part));
        }

        return applications.Where(a => a.InmateName.Contains(text) || a.Visitors.Any(v => v.Name.Contains(text)));
    }

    private static bool IsNumber(string text) => text.Length >= ShortestNumber && NumberCharacters().IsMatch(text);

    [GeneratedRegex("^[0-9a-fA-F-]+$")]
    private static partial Regex NumberCharacters();
}
