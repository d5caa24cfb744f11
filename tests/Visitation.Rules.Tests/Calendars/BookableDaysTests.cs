using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Calendars;

/// <summary>Which days of a month an application can still be booked on, and the next month that has one (issue 14: "refused too late").</summary>
public sealed class BookableDaysTests
{
    [Theory]
    [InlineData("2026-03-01", 10, "2026-03-01", "2026-03-11")] // the notice counted from submission
    [InlineData("2026-03-01", 10, "2026-03-20", "2026-03-21")] // judged later: never today
    [InlineData("2026-03-01", 0, "2026-03-01", "2026-03-02")] // no notice (Ningxia): tomorrow
    public void TheEarliestDayIsTheNoticeAfterSubmissionAndNeverTodayOrBefore(string submitted, int advance, string today, string earliest) =>
        Assert.Equal(D(earliest), BookableDays.Earliest(D(submitted), advance, D(today)));

    [Fact]
    public void OnlyOpenDaysOnOrAfterTheEarliestAreBookable()
    {
        CalendarDay[] days = [new(D("2026-03-06"), true, null), new(D("2026-03-16"), false, "清明"), new(D("2026-03-26"), true, null), new(D("2026-03-11"), true, null)];

        Assert.Equal([D("2026-03-11"), D("2026-03-26")], BookableDays.From(days, D("2026-03-11")));
    }

    [Fact]
    public void TheNextMonthWithADayIsNamedSkippingMonthsWithNone()
    {
        // April's one day is closed (a calendar exception), May has an open one.
        CalendarDay[] DaysOf(VisitMonth m) => m.Month switch
        {
            4 => [new(D("2026-04-10"), false, "停止会见")],
            5 => [new(D("2026-05-06"), true, null)],
            _ => [],
        };

        Assert.Equal(new VisitMonth(2026, 5), BookableDays.NextMonthWithDays(new VisitMonth(2026, 3), D("2026-03-20"), DaysOf));
        Assert.Null(BookableDays.NextMonthWithDays(new VisitMonth(2026, 5), D("2026-03-20"), _ => []));
    }

    [Fact]
    public void AYongjiMonthAskedForTooLateAtTheCounterNamesTheNextMonthFromThePrisonsCalendar()
    {
        // 25 March with ten days' notice: the earliest day is 4 April, so no area has a March day left.
        var (days, next) = NoVisitDayLeft.Judge(new VisitMonth(2026, 3), D("2026-03-25"), 10, D("2026-03-25"),
            m => ShippedReferenceData.Calendars.PrisonVideoDays(ShippedReferenceData.Yongji, m.Year, m.Month));

        Assert.Empty(days);
        Assert.Equal(new VisitMonth(2026, 4), next);
        Assert.Equal("2026年3月已无可安排的视频会见日（须提前10日申请，节假日和非会见日不安排），最近可申请2026年4月。", NoVisitDayLeft.Message(new VisitMonth(2026, 3), 10, next));
    }

    [Fact]
    public void AnAreaWhoseLastDayIsBeforeTheEarliestHasNoneWhileTheWholePrisonStillHas()
    {
        // Asked 12 March: earliest 22 March. Area 1 meets on the 1st, 11th and 21st; others later in the month.
        var area1 = ShippedReferenceData.YongjiArea("1");
        var asked = new VisitMonth(2026, 3);

        var (areaDays, areaNext) = NoVisitDayLeft.Judge(asked, D("2026-03-12"), 10, D("2026-03-12"), m => ShippedReferenceData.Calendars.VideoDays(area1, m.Year, m.Month));
        var (prisonDays, _) = NoVisitDayLeft.Judge(asked, D("2026-03-12"), 10, D("2026-03-12"),
            m => ShippedReferenceData.Calendars.PrisonVideoDays(ShippedReferenceData.Yongji, m.Year, m.Month));

        Assert.Empty(areaDays);
        Assert.Equal(new VisitMonth(2026, 4), areaNext);
        Assert.NotEmpty(prisonDays);
        Assert.All(prisonDays, d => Assert.True(d >= D("2026-03-22")));
    }

    [Fact]
    public void WithoutNoticeTheMessageDoesNotMentionOneAndWithoutAnyMonthItSendsThemToThePrison() =>
        Assert.Equal("2026年3月已无可安排的视频会见日（节假日和非会见日不安排），半年内暂无可申请的月份，请联系监狱会见中心。",
            NoVisitDayLeft.Message(new VisitMonth(2026, 3), 0, null));
}
