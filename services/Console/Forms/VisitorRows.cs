using System.Globalization;
using System.Text.RegularExpressions;

namespace Visitation.Console.Forms;

/// <summary>
/// The visitor rows a form shows (three, so a family fits without script) and the ones filled in:
/// the request carries only those, so a service's <c>visitors[k]</c> is the k-th filled row,
/// which <see cref="ToFormPath"/> turns back into the row the clerk sees.
/// </summary>
public static partial class VisitorRows
{
    public const int Shown = 3;

    public static List<VisitorFields> Empty() => [.. Enumerable.Range(0, Shown).Select(_ => new VisitorFields())];

    /// <summary>The rows as shown: the filled ones plus empty rows up to <see cref="Shown"/>.</summary>
    public static List<VisitorFields> Padded(List<VisitorFields>? rows)
    {
        var padded = rows ?? [];
        while (padded.Count < Shown)
        {
            padded.Add(new VisitorFields());
        }

        return padded;
    }

    /// <summary>The filled rows with their positions on the form.</summary>
    public static IReadOnlyList<(int Row, VisitorFields Visitor)> Filled(IEnumerable<VisitorFields> rows) =>
        [.. rows.Select((visitor, row) => (row, visitor)).Where(pair => !pair.visitor.IsBlank)];

    /// <summary>A proto path with the request's visitor position replaced by the form's row.</summary>
    public static string ToFormPath(string protoPath, IReadOnlyList<(int Row, VisitorFields Visitor)> filled) =>
        VisitorIndex().Replace(protoPath, match =>
        {
            var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var row = index < filled.Count ? filled[index].Row : index;
            return string.Create(CultureInfo.InvariantCulture, $"visitors[{row}]");
        });

    [GeneratedRegex(@"^visitors\[(\d+)\]")]
    private static partial Regex VisitorIndex();
}
