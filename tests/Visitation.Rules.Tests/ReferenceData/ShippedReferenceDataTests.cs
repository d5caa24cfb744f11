using Visitation.Rules.Calendars;
using Visitation.Rules.ReferenceData;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.ReferenceData;

/// <summary>The shipped organisations hang together, and the lookups the services make on them answer what was asked.</summary>
public sealed class ShippedReferenceDataTests
{
    private static ReferenceDataSet Set => ShippedReferenceData.Set;

    [Fact]
    public void EveryOrganisationNamesParentsThatExist()
    {
        Assert.All(Set.Offices, office => Assert.Equal(office.CountyId, Set.County(office.CountyId)?.Id));
        Assert.All(Set.Counties, county => Assert.Equal(county.ProvinceId, Set.Province(county.ProvinceId)?.Id));
        Assert.All(Set.Venues, venue => Assert.Equal(venue.CountyId, Set.County(venue.CountyId)?.Id));
        Assert.All(Set.Prisons, prison => Assert.Equal(prison.ProvinceId, Set.Province(prison.ProvinceId)?.Id));
        Assert.All(Set.Offices, office => Assert.Equal(office.Id, Set.Office(office.Id)?.Id));
        Assert.All(Set.Venues, venue => Assert.Equal(venue.Id, Set.Venue(venue.Id)?.Id));
    }

    [Fact]
    public void AnUnknownIdFindsNothing()
    {
        Assert.Null(Set.Province("nowhere"));
        Assert.Null(Set.County("nowhere"));
        Assert.Null(Set.Office("nowhere"));
        Assert.Null(Set.Venue("nowhere"));
        Assert.Null(Set.Prison("nowhere"));
        Assert.Null(ShippedReferenceData.Calendars.Area(ShippedReferenceData.Yongji, "12"));
        Assert.Null(ShippedReferenceData.Calendars.OnSiteDay(ShippedReferenceData.Yongji, "12", 2026, 3));
        Assert.Null(ShippedReferenceData.Calendars.OnSiteDay("nowhere", "1", 2026, 3));
    }

    [Fact]
    public void APrisonIsJudgedByItsProvincesPolicy()
    {
        Assert.Equal("shanxi", Set.PolicyFor(ShippedReferenceData.Yongji).ProvinceId);

        var error = Assert.Throws<KeyNotFoundException>(() => Set.PolicyFor("nowhere"));
        Assert.Contains("nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HolidaysArePublishedOnlyForTheYearsShipped()
    {
        Assert.True(ShippedReferenceData.Calendars.HolidaysPublished(2026));
        Assert.False(ShippedReferenceData.Calendars.HolidaysPublished(2025));

        var twoYears = new PrisonCalendars(Set with { Holidays = [.. Set.Holidays, new HolidayYear(2027, [])] });
        Assert.True(twoYears.HolidaysPublished(2026));
        Assert.True(twoYears.HolidaysPublished(2027));
    }

    [Fact]
    public void AnAreasExceptionsAddAndRemoveDaysAndAMissingListMeansNone()
    {
        var prison = Assert.Single(Set.Prisons, p => p.Id == ShippedReferenceData.Yongji);
        var withExceptions = prison.Areas[0] with
        {
            Id = "with",
            Exceptions = [new(D("2026-03-05"), "ADD", "加开"), new(D("2026-03-11"), "remove", "设备检修")],
        };
        var without = prison.Areas[0] with { Id = "without", Exceptions = null };
        var calendars = new PrisonCalendars(Set with { Prisons = [prison with { Areas = [withExceptions, without] }] });

        Assert.Equal(
            [new CalendarException(D("2026-03-05"), CalendarExceptionKind.Add, "加开"), new CalendarException(D("2026-03-11"), CalendarExceptionKind.Remove, "设备检修")],
            calendars.Area(prison.Id, "with")?.Exceptions);
        var bare = calendars.Area(prison.Id, "without");
        Assert.NotNull(bare);
        Assert.Empty(bare.Exceptions);
    }
}
