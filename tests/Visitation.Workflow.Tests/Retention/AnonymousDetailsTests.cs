using System.Text.Json;
using Visitation.Contracts.Events;
using Visitation.Workflow.Retention;
using Xunit;

namespace Visitation.Workflow.Tests.Retention;

/// <summary>What retention leaves of an application's snapshot, and when an application counts as long enough closed.</summary>
public sealed class AnonymousDetailsTests
{
    // As the services store a snapshot (JsonColumnExtensions).
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    private static readonly ApplicationDetails Application = new(
        Guid.CreateVersion7(), "office", "county", "venue", "张建国", "prison", "3", "2026-03", new DateOnly(2026, 2, 2),
        [new VisitorDetails("王秀英", "1101**********002X", "a2V5LW9uZQ==", "mother", 44, ["resident_id"], IsGuardianOfChildren: true),
         new VisitorDetails("张小明", "1101**********0015", "a2V5LXR3bw==", "son", 10, ["household_register"])],
        [new DateOnly(2026, 3, 3)], "morning");

    [Fact]
    public void TheSnapshotLosesNamesAndNumbersAndKeepsEverythingTheStatisticsUse()
    {
        var anonymous = AnonymousDetails.Of(Application);

        Assert.Equal("", anonymous.InmateName);
        Assert.All(anonymous.Visitors, v => Assert.Equal(("", "", ""), (v.Name, v.IdNumberMasked, v.VisitorKey)));
        // Everything else, field for field: the same record once names and numbers are put back.
        var restored = anonymous with
        {
            InmateName = Application.InmateName,
            Visitors = [.. anonymous.Visitors.Zip(Application.Visitors, (a, o) => a with { Name = o.Name, IdNumberMasked = o.IdNumberMasked, VisitorKey = o.VisitorKey })],
        };
        Assert.Equal(JsonSerializer.Serialize(Application), JsonSerializer.Serialize(restored));
        Assert.Equal(JsonSerializer.Serialize(anonymous), JsonSerializer.Serialize(AnonymousDetails.Of(anonymous)));
    }

    [Fact]
    public void TheStoredSnapshotShowsItWasAnonymisedInTheMarkerProperty()
    {
        var stored = JsonSerializer.SerializeToElement(AnonymousDetails.Of(Application), Stored);

        Assert.Equal("", stored.GetProperty(AnonymousDetails.MarkerProperty).GetString());
    }

    [Theory]
    [InlineData("2026-04-01T00:00:00+08:00", "2026-03")] // March ended as 1 April began
    [InlineData("2026-03-31T23:59:00+08:00", "2026-02")]
    [InlineData("2026-03-31T16:30:00+00:00", "2026-03")] // already 1 April in China
    [InlineData("2026-03-30T12:00:00+08:00", "2026-02")]
    public void AVisitMonthCountsAsEndedOnceItsLastDayIsBeforeTheCutoffsDayInChina(string cutoff, string latestEnded)
    {
        Assert.Equal(latestEnded, new RetentionCutoff(DateTimeOffset.Parse(cutoff, System.Globalization.CultureInfo.InvariantCulture)).LatestEndedMonth);
    }
}
