using System.Text.RegularExpressions;
using Visitation.Rules.Identity;

namespace Visitation.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// Finds what looks like a resident ID number (six digits of region, a birth date from 1900 on, three
/// digits and a check character, valid or not: a mistyped one is still a person's number) or a mobile
/// number (11 digits, 13x–19x) standing alone in telemetry text.
/// </summary>
public static partial class TelemetryScan
{
    public static IReadOnlyList<string> NumbersIn(string text) =>
        IdNumbers().Matches(text).Select(m => m.Value)
            .Concat(Phones().Matches(text).Select(m => m.Value).Where(MobileNumber.IsValid))
            .ToList();

    // Standing alone: no letter or digit on either side (a longer number, a hex digest or base64 is not a match).
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])")]
    private static partial Regex IdNumbers();

    [GeneratedRegex(@"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])")]
    private static partial Regex Phones();
}
