using System.Globalization;
using Visitation.Rules.Eligibility;

namespace Visitation.Notification.Features.Compose;

/// <summary>Dates as a family reads them in an SMS: 2026年12月, 2026年12月3日.</summary>
public static class MonthText
{
    public static string Of(string yearMonth) => VisitMonth.TryParse(yearMonth, out var month) ? month.ChineseName : yearMonth;

    public static string Of(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
