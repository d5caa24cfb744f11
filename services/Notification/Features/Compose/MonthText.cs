using System.Globalization;

namespace Visitation.Notification.Features.Compose;

/// <summary>Dates as a family reads them in an SMS: 2026年12月, 2026年12月3日.</summary>
public static class MonthText
{
    public static string Of(string yearMonth) =>
        DateOnly.TryParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月")
            : yearMonth;

    public static string Of(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
