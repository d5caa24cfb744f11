using Visitation.Rules.Calendars;

namespace Visitation.Rules.ReferenceData;

/// <summary>The prison areas' video-visit calendars and the holiday calendars, built from reference data.</summary>
public sealed class PrisonCalendars(ReferenceDataSet reference)
{
    private readonly IReadOnlyList<HolidayCalendar> _holidays = reference.HolidayCalendars();
    private readonly HashSet<int> _published = [.. reference.Holidays.Select(notice => notice.Year)];

    /// <summary>
    /// Whether the State Council's notice for <paramref name="year"/> is loaded. Without it the statutory days are
    /// still kept free, but the bridging days (调休) are not yet known.
    /// </summary>
    public bool HolidaysPublished(int year) => _published.Contains(year);

    public AreaVideoCalendar? Area(string prisonId, string areaId)
    {
        var area = reference.Prison(prisonId)?.Areas.FirstOrDefault(a => a.Id == areaId);
        return area is null
            ? null
            : new AreaVideoCalendar(area.Id, area.VideoDays, (area.Exceptions ?? []).Select(ToException).ToList());
    }

    /// <summary>The area's on-site visit day in that month, if its rule gives one.</summary>
    public DateOnly? OnSiteDay(string prisonId, string areaId, int year, int month) =>
        reference.Prison(prisonId)?.Areas.FirstOrDefault(a => a.Id == areaId)?.OnSiteRule is { } rule
            ? OnSiteVisitDays.OnSiteDay(new OnSiteDayRule(rule.NthSunday, rule.DayAfter), year, month)
            : null;

    public IReadOnlyList<CalendarDay> VideoDays(AreaVideoCalendar area, int year, int month) =>
        VideoVisitDays.ForMonth(area, _holidays, year, month);

    /// <summary>
    /// The video days of every area of the prison in that month: what the counter can judge a month by before
    /// anyone looks the inmate (and so the area) up.
    /// </summary>
    public IEnumerable<CalendarDay> PrisonVideoDays(string prisonId, int year, int month) =>
        (reference.Prison(prisonId)?.Areas ?? [])
            .Select(a => Area(prisonId, a.Id))
            .OfType<AreaVideoCalendar>()
            .SelectMany(area => VideoDays(area, year, month));

    private static CalendarException ToException(CalendarChange change) =>
        new(change.Date, string.Equals(change.Kind, "add", StringComparison.OrdinalIgnoreCase) ? CalendarExceptionKind.Add : CalendarExceptionKind.Remove, change.Reason);
}
