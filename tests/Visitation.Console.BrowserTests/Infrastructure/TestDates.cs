using System.Globalization;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// The day the services and the console believe it is (their training clock): Monday 2 February
/// 2026, 09:00 China Standard Time, whose visit months the shipped reference data opens whatever
/// the machine's date. Applications ask for the month after.
/// </summary>
internal static class TestDates
{
    public static readonly DateTimeOffset ApplicationDay = new(2026, 2, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static string VisitMonth => ApplicationDay.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The settings that put a process on this day, as of now.</summary>
    public static IReadOnlyDictionary<string, string> TrainingClock() => new Dictionary<string, string>
    {
        ["TrainingClock:Now"] = ApplicationDay.ToString("O", CultureInfo.InvariantCulture),
        ["TrainingClock:SetAt"] = RealClock.Clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
    };
}
