using System.Globalization;

namespace Visitation.Console.Forms;

/// <summary>The months a family may ask for: this month (China Standard Time, the prison's day) to three months ahead.</summary>
public static class MonthChoices
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static IReadOnlyList<string> From(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(China).DateTime);
        var first = new DateOnly(today.Year, today.Month, 1);
        return [.. Enumerable.Range(0, 4).Select(n => first.AddMonths(n).ToString("yyyy-MM", CultureInfo.InvariantCulture))];
    }
}
