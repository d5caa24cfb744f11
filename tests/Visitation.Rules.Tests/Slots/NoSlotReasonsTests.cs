using Visitation.Rules.Eligibility;
using Visitation.Rules.Slots;
using Xunit;

namespace Visitation.Rules.Tests.Slots;

/// <summary>What the family reads when an approved application gets no visit.</summary>
public sealed class NoSlotReasonsTests
{
    private static readonly VisitMonth December = VisitMonth.Parse("2026-12");

    [Fact]
    public void TheAdvanceNoticeAndTheExcludedDaysAreNamedOnlyWhenTheyApplied()
    {
        Assert.Equal("2026年12月该监区的视频会见日已无可预约时段（须提前3天申请，节假日暂停，部分会见日服刑人员或会见人不能会见）",
            NoSlotReasons.FirstProposal(December, advanceDays: 3, prisonExcludedDays: true));
        Assert.Equal("2026年12月该监区的视频会见日已无可预约时段（节假日暂停）",
            NoSlotReasons.FirstProposal(December, advanceDays: 0, prisonExcludedDays: false));
    }

    [Fact]
    public void AReofferWithoutRoomNamesTheMonthAndTheNext() =>
        Assert.Equal("未能重新安排会见时间，2026年12月及次月该监区的视频会见日已无可预约时段", NoSlotReasons.Reoffer(December));
}
