using Visitation.Rules.Eligibility;
using Visitation.Rules.Visits;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Visits;

/// <summary>When entering an on-site visit by hand needs the officer's override (issue 14).</summary>
public sealed class OnSiteVisitChecksTests
{
    private static QuotaLedger Ledger(params CountedVisit[] visits) => new(visits, []);

    [Fact]
    public void TheAreasOwnDayInAMonthWithNothingBookedNeedsNoOverride() =>
        Assert.Empty(OnSiteVisitChecks.Warnings(D("2026-02-08"), D("2026-02-08"), QuotaLedger.Empty));

    [Theory]
    [InlineData("2026-02-08", "2月2日不是本监区的现场会见日（本月为2月8日）")]
    [InlineData(null, "本监区2月没有现场会见日")]
    public void AnotherDayIsAWarningNamingTheAreasDay(string? onSiteDay, string message)
    {
        var warning = Assert.Single(OnSiteVisitChecks.Warnings(onSiteDay is null ? null : D(onSiteDay), D("2026-02-02"), QuotaLedger.Empty));

        Assert.Equal((OnSiteVisitChecks.NotOnSiteDay, message), (warning.Code, warning.Message));
    }

    [Theory]
    [InlineData(CountedVisit.Video, CountedVisit.Booked, true)]
    [InlineData(CountedVisit.Video, CountedVisit.Held, false)] // already held: the quota rule itself speaks
    [InlineData(CountedVisit.Video, CountedVisit.Cancelled, false)]
    [InlineData(CountedVisit.OnSite, CountedVisit.Held, false)]
    public void OnlyABookedVideoVisitOfTheMonthIsAWarning(string mode, string outcome, bool warned)
    {
        var warnings = OnSiteVisitChecks.Warnings(D("2026-02-08"), D("2026-02-08"), Ledger(new CountedVisit(D("2026-02-22"), mode, outcome)));

        Assert.Equal(warned, warnings.Any(w => w.Code == OnSiteVisitChecks.VideoVisitBooked));
    }

    [Fact]
    public void BothWarningsAreNamedInTheSentenceTheOfficerReads()
    {
        var warnings = OnSiteVisitChecks.Warnings(D("2026-02-08"), D("2026-02-02"), Ledger(new CountedVisit(D("2026-02-22"), CountedVisit.Video, CountedVisit.Booked)));

        Assert.Equal(
            "2月2日不是本监区的现场会见日（本月为2月8日）；本月已有1次预约的视频会见，现场会见将占用同一月度次数。如确需登记，请填写例外原因",
            OnSiteVisitChecks.OverrideNeeded(warnings));
    }
}
