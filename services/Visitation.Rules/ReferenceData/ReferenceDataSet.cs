using System.Runtime.CompilerServices;
using Visitation.Rules.Calendars;
using Visitation.Rules.Policies;

namespace Visitation.Rules.ReferenceData;

/// <summary>
/// Organisations, venues, prisons and calendars, as versioned under <c>deploy/reference-data</c>.
/// Every service reads the same files; each uses the part it owns.
/// </summary>
public sealed record ReferenceDataSet(
    IReadOnlyList<Province> Provinces,
    IReadOnlyList<CountyBureau> Counties,
    IReadOnlyList<JudicialOffice> Offices,
    IReadOnlyList<Venue> Venues,
    IReadOnlyList<Prison> Prisons,
    IReadOnlyList<HolidayYear> Holidays,
    PolicySet Policies)
{
    public Province? Province(string id) => Provinces.FirstOrDefault(p => p.Id == id);
    public CountyBureau? County(string id) => Counties.FirstOrDefault(c => c.Id == id);
    public JudicialOffice? Office(string id) => Offices.FirstOrDefault(o => o.Id == id);
    public Venue? Venue(string id) => Venues.FirstOrDefault(v => v.Id == id);
    public Prison? Prison(string id) => Prisons.FirstOrDefault(p => p.Id == id);

    /// <summary>
    /// The public holidays of every year: the published notice where one is loaded, and the statutory
    /// days computed by the regulations for every other year (so a year whose notice is not out yet
    /// never offers its New Year's Day or Spring Festival).
    /// </summary>
    /// <remarks>
    /// Built once per data set and kept beside it (not in it, so the record's equality stays its data's):
    /// every review deadline asks for them, and a data set never changes once read.
    /// </remarks>
    public IReadOnlyList<HolidayCalendar> HolidayCalendars() =>
        KeptHolidays.GetValue(this, data =>
        {
            var published = data.PublishedHolidayCalendars();
            var years = published.Select(calendar => calendar.Year).ToHashSet();
            return [.. published, .. StatutoryHolidays.All.Where(calendar => !years.Contains(calendar.Year))];
        });

    private static readonly ConditionalWeakTable<ReferenceDataSet, IReadOnlyList<HolidayCalendar>> KeptHolidays = new();

    /// <summary>The loaded State Council notices alone, as the rules library's calendars.</summary>
    public IReadOnlyList<HolidayCalendar> PublishedHolidayCalendars() =>
        [.. Holidays.Select(y => new HolidayCalendar(y.Year, [.. y.Holidays.Select(h => new Holiday(h.From, h.To, h.Name))]))];

    /// <summary>
    /// What is wrong with the loaded notices: a notice for a year outside the computed range, or one that
    /// leaves a statutory holiday of its year an ordinary day. Empty when every notice agrees with the regulations.
    /// </summary>
    public IReadOnlyList<string> HolidayNoticeErrors() =>
    [
        .. PublishedHolidayCalendars().SelectMany(notice =>
            notice.Year is < StatutoryHolidays.FirstYear or > StatutoryHolidays.LastYear
                ? [$"{notice.Year}: only the holiday notices of {StatutoryHolidays.FirstYear}–{StatutoryHolidays.LastYear} can be checked against the regulations"]
                : StatutoryHolidays.MissingFrom(notice, notice.Year).Select(day => $"{notice.Year}: the statutory holiday {day} is not a holiday in the notice")),
    ];

    /// <summary>The visit policy that governs a prison: its province's, with the prison's own overrides.</summary>
    public VisitPolicy PolicyFor(string prisonId)
    {
        var prison = Prison(prisonId) ?? throw new KeyNotFoundException($"Unknown prison '{prisonId}'.");
        return Policies.For(prison.ProvinceId, prison.Id);
    }
}

public sealed record Province(string Id, string Name);

public sealed record CountyBureau(string Id, string Name, string ProvinceId);

public sealed record JudicialOffice(string Id, string Name, string CountyId);

public sealed record Venue(string Id, string Name, string CountyId, string Address, IReadOnlyList<string> Terminals, IReadOnlyList<TimeWindow> OpeningHours);

public sealed record TimeWindow(TimeOnly Start, TimeOnly End);

public sealed record Prison(
    string Id,
    string Name,
    string ProvinceId,
    IReadOnlyList<string> Terminals,
    IReadOnlyList<TimeWindow> OpeningHours,
    int ChangeoverMinutes,
    int HoldHours,
    IReadOnlyList<PrisonArea> Areas);

/// <summary>A prison area (监区), the days of the month on which it holds video visits, and its on-site visit day rule.</summary>
public sealed record PrisonArea(string Id, string Name, IReadOnlyList<int> VideoDays, IReadOnlyList<CalendarChange>? Exceptions, OnSiteRule? OnSiteRule);

/// <summary>"The n-th Sunday" of the month, or "the <see cref="DayAfter"/> after the n-th Sunday".</summary>
public sealed record OnSiteRule(int NthSunday, DayOfWeek? DayAfter);

public sealed record CalendarChange(DateOnly Date, string Kind, string Reason);

public sealed record HolidayYear(int Year, IReadOnlyList<HolidayPeriod> Holidays);

public sealed record HolidayPeriod(DateOnly From, DateOnly To, string Name);
