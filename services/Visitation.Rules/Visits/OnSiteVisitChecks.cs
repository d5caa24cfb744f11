using System.Globalization;
using Visitation.Rules.Eligibility;

namespace Visitation.Rules.Visits;

/// <summary>One reason an on-site visit being entered in the ledger needs an officer's explicit override.</summary>
public sealed record OnSiteWarning(string Code, string Message);

/// <summary>
/// What an officer entering an on-site visit by hand should be stopped at (issue 14): a day that is not the
/// area's on-site day, and a month whose quota a booked video visit already draws on. Neither is refused —
/// the visit happened in the prison's own room — but each is entered only with a reason, so the ledger
/// never changes the month's quota without a word.
/// </summary>
public static class OnSiteVisitChecks
{
    public const string NotOnSiteDay = "NOT_ON_SITE_DAY";
    public const string VideoVisitBooked = "VIDEO_VISIT_BOOKED";

    /// <param name="onSiteDay">The area's on-site day in the visit's month, if its rule gives one.</param>
    /// <param name="date">The day the on-site visit took place.</param>
    /// <param name="ledger">The month's quota ledger before this entry.</param>
    public static IReadOnlyList<OnSiteWarning> Warnings(DateOnly? onSiteDay, DateOnly date, QuotaLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var warnings = new List<OnSiteWarning>();
        if (onSiteDay != date)
        {
            warnings.Add(new OnSiteWarning(NotOnSiteDay, onSiteDay is { } day
                ? $"{Short(date)}不是本监区的现场会见日（本月为{Short(day)}）"
                : $"本监区{date.Month}月没有现场会见日"));
        }

        var booked = ledger.Visits.Where(v => v.Mode == CountedVisit.Video && v.Outcome == CountedVisit.Booked).ToList();
        if (booked.Count > 0)
        {
            warnings.Add(new OnSiteWarning(VideoVisitBooked, $"本月已有{booked.Count}次预约的视频会见，现场会见将占用同一月度次数"));
        }

        return warnings;
    }

    /// <summary>The sentence the officer reads when the override reason is missing.</summary>
    public static string OverrideNeeded(IReadOnlyList<OnSiteWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        return $"{string.Join("；", warnings.Select(w => w.Message))}。如确需登记，请填写例外原因";
    }

    private static string Short(DateOnly day) => day.ToString("M月d日", CultureInfo.InvariantCulture);
}
