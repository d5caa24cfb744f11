namespace Visitation.ServiceDefaults.ReferenceData;

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
    IReadOnlyList<HolidayYear> Holidays)
{
    public Province? Province(string id) => Provinces.FirstOrDefault(p => p.Id == id);
    public CountyBureau? County(string id) => Counties.FirstOrDefault(c => c.Id == id);
    public JudicialOffice? Office(string id) => Offices.FirstOrDefault(o => o.Id == id);
    public Venue? Venue(string id) => Venues.FirstOrDefault(v => v.Id == id);
    public Prison? Prison(string id) => Prisons.FirstOrDefault(p => p.Id == id);
}

public sealed record Province(string Id, string Name, VisitPolicy Policy);

/// <summary>The numbers of a province's visit rules that the chain uses today (RULES.md §3).</summary>
public sealed record VisitPolicy(int AdvanceDays, int VisitMinutes, int JuvenileVisitMinutes, int MaxCountedVisitors, int ChildNotCountedUnderAge);

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
