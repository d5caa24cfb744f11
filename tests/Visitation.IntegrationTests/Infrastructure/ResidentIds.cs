using System.Collections.Concurrent;
using System.Globalization;
using Visitation.Rules.Identity;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// Resident ID numbers drawn from the whole valid space, none twice in a run: a real county-level
/// region code, a birth date over five decades, a sequence number, and the GB 11643 check character.
/// </summary>
public static class ResidentIds
{
    // County-level codes of GB/T 2260: the Yuncheng and Yinchuan counties of the shipped reference
    // data, and a few from elsewhere, as families of inmates come from all over the country.
    private static readonly string[] Regions =
    [
        "140802", "140821", "140822", "140823", "140824", "140825", "140826", "140827", "140828", "140829", "140830", "140881", "140882",
        "640104", "640105", "640106", "640121", "640122", "640181",
        "110101", "110105", "110108", "130102", "310104", "320102", "410105", "420106", "440106", "510107", "610113",
    ];

    private static readonly DateOnly EarliestBirth = new(1950, 1, 1);
    private static readonly int BirthDays = new DateOnly(1999, 12, 31).DayNumber - EarliestBirth.DayNumber + 1;
    private static readonly ConcurrentDictionary<string, bool> Issued = new();

    /// <summary>An adult's ID number no other visitor of the run has.</summary>
    public static string Next() => BornOn(EarliestBirth.AddDays(Random.Shared.Next(BirthDays)));

    /// <summary>An ID number for someone born on <paramref name="birth"/> (a child, say), no other of the run's.</summary>
    public static string BornOn(DateOnly birth)
    {
        while (true)
        {
            var id = Of(Regions[Random.Shared.Next(Regions.Length)], birth, Random.Shared.Next(1000));
            if (Issued.TryAdd(id, true))
            {
                return id;
            }
        }
    }

    /// <summary>The ID number with these parts and its check character.</summary>
    public static string Of(string region, DateOnly birth, int serial) =>
        ResidentIdNumber.WithCheckCharacter(string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{serial % 1000:D3}"));
}
