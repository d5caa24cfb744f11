using System.Collections.Concurrent;
using Visitation.Rules.Calendars;

namespace Visitation.Rules.ReferenceData;

/// <summary>
/// The prison areas' video-visit calendars and the holiday calendars, built from reference data.
/// The reference data is read once at start-up and never changes in a running service, so each
/// area's calendar and each month of it is built once and kept (a slot search, a counter check and
/// a proposal ask for the same few months over and over).
/// </summary>
public sealed class PrisonCalendars(ReferenceDataSet reference)
{
    // Months anyone may ask for are unbounded (a caller names the month), so the kept ones are
    // capped; past the cap a month is simply built again on each call.
    private const int KeptMonths = 10_000;

    private readonly IReadOnlyList<HolidayCalendar> _holidays = reference.HolidayCalendars();
    private readonly ConcurrentDictionary<(string Prison, string Area), AreaVideoCalendar> _areas = new();
    private readonly ConcurrentDictionary<(AreaVideoCalendar Area, int Year, int Month), IReadOnlyList<CalendarDay>> _months = new();
    private readonly HashSet<int> _published = [.. reference.Holidays.Select(notice => notice.Year)];

    /// <summary>
    /// Whether the State Council's notice for <paramref name="year"/> is loaded. Without it the statutory days are
    /// still kept free, but the bridging days (调休) are not yet known.
    /// </summary>
    public bool HolidaysPublished(int year) => _published.Contains(year);

    public AreaVideoCalendar? Area(string prisonId, string areaId)
    {
        if (_areas.TryGetValue((prisonId, areaId), out var kept))
        {
            return kept;
        }

        // Only areas that exist are kept: callers name them, and unknown names must not fill memory.
        return BuildArea(reference.Prison(prisonId), areaId) is { } built ? _areas.GetOrAdd((prisonId, areaId), built) : null;
    }

    /// <summary>The area's on-site visit day in that month, if its rule gives one.</summary>
    public DateOnly? OnSiteDay(string prisonId, string areaId, int year, int month) =>
        reference.Prison(prisonId)?.Areas.FirstOrDefault(a => a.Id == areaId)?.OnSiteRule is { } rule
            ? OnSiteVisitDays.OnSiteDay(new OnSiteDayRule(rule.NthSunday, rule.DayAfter), year, month)
            : null;

    public IReadOnlyList<CalendarDay> VideoDays(AreaVideoCalendar area, int year, int month)
    {
        if (_months.TryGetValue((area, year, month), out var days))
        {
            return days;
        }

        days = VideoVisitDays.ForMonth(area, _holidays, year, month);
        return _months.Count < KeptMonths ? _months.GetOrAdd((area, year, month), days) : days;
    }

    /// <summary>
    /// The video days of every area of the prison in that month: what the counter can judge a month by before
    /// anyone looks the inmate (and so the area) up.
    /// </summary>
    public IEnumerable<CalendarDay> PrisonVideoDays(string prisonId, int year, int month) =>
        (reference.Prison(prisonId)?.Areas ?? [])
            .Select(a => Area(prisonId, a.Id))
            .OfType<AreaVideoCalendar>()
            .SelectMany(area => VideoDays(area, year, month));

    private static AreaVideoCalendar? BuildArea(Prison? prison, string areaId) =>
        prison?.Areas.FirstOrDefault(a => a.Id == areaId) is { } area
            ? new AreaVideoCalendar(area.Id, area.VideoDays, (area.Exceptions ?? []).Select(ToException).ToList())
            : null;

    private static CalendarException ToException(CalendarChange change) =>
        new(change.Date, string.Equals(change.Kind, "add", StringComparison.OrdinalIgnoreCase) ? CalendarExceptionKind.Add : CalendarExceptionKind.Remove, change.Reason);
}
