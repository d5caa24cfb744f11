using Visitation.Rules.Calendars;
using Visitation.Rules.Reviewing;
using Visitation.Rules.Sms;
using Visitation.Rules.Tests.Eligibility;
using Xunit;

namespace Visitation.Rules.Tests.Reviewing;

/// <summary>
/// Sending back for more material (退回补正, docs/send-back.md): the moves, the paused review clock,
/// the office's time to hand the material in, and what the family is told.
/// </summary>
public sealed class SendBackTests
{
    // Monday 16 November 2026: a week with no public holiday.
    private static readonly DateTimeOffset ReceivedMonday = At(2026, 11, 16, 10);
    private static readonly DateTimeOffset DueEndOfThursday = At(2026, 11, 20, 0);

    [Fact]
    public void APendingReviewMaySendBackAndASentBackOneReturnsToPendingWhenTheMaterialComes()
    {
        Assert.Equal(ReviewTransition.Move, ReviewStateMachine.Decide(ReviewStage.CountyBureau, ReviewStatus.Pending, ReviewStatus.SentBack));
        Assert.True(ReviewStateMachine.CanMove(ReviewStatus.SentBack, ReviewStatus.Pending));
    }

    [Fact]
    public void SendingBackTwiceIsARepeatThatChangesNothing()
    {
        Assert.Equal(ReviewTransition.Repeat, ReviewStateMachine.Decide(ReviewStage.Prison, ReviewStatus.SentBack, ReviewStatus.SentBack));
    }

    [Theory]
    [InlineData(ReviewStatus.Approved)]
    [InlineData(ReviewStatus.Rejected)]
    [InlineData(ReviewStatus.Expired)]
    [InlineData(ReviewStatus.Withdrawn)]
    public void ADecidedReviewCannotBeSentBack(ReviewStatus decided)
    {
        Assert.Equal(ReviewTransitionKind.Refused, ReviewStateMachine.Decide(ReviewStage.CountyBureau, decided, ReviewStatus.SentBack).Kind);
    }

    [Fact]
    public void TheShippedPolicyDeadlineIsTheFixtureThisTestAssumes()
    {
        Assert.Equal(DueEndOfThursday, ReviewClock.DueBy(ShippedReferenceData.Set, ShippedPolicies.Of("shanxi"), ReviewClock.CountyBureau, ReceivedMonday));
    }

    [Fact]
    public void TheStageKeepsTheWorkingDaysAfterTheDayItSentBack()
    {
        Assert.Equal(2, SendBackClock.WorkingDaysLeft(ShippedReferenceData.Set, DueEndOfThursday, At(2026, 11, 17, 15)));
    }

    [Fact]
    public void MaterialBackTheSameDayLeavesTheDeadlineWhereItWas()
    {
        var left = SendBackClock.WorkingDaysLeft(ShippedReferenceData.Set, DueEndOfThursday, At(2026, 11, 17, 15));

        Assert.Equal(DueEndOfThursday, SendBackClock.Resumed(ShippedReferenceData.Set, left, At(2026, 11, 17, 17)));
    }

    [Fact]
    public void TheDaysTheApplicationSpentWithTheFamilyAreNotTheStages()
    {
        var left = SendBackClock.WorkingDaysLeft(ShippedReferenceData.Set, DueEndOfThursday, At(2026, 11, 17, 15));

        // Back on Monday 30 November: Tuesday and Wednesday are the two days left; the deadline is Wednesday's end.
        Assert.Equal(At(2026, 12, 3, 0), SendBackClock.Resumed(ShippedReferenceData.Set, left, At(2026, 11, 30, 9)));
    }

    [Fact]
    public void AStageThatSentBackOnItsLastDayGetsOneWorkingDayBack() // Tuesday 1 December, until its end
    {
        var left = SendBackClock.WorkingDaysLeft(ShippedReferenceData.Set, DueEndOfThursday, At(2026, 11, 19, 16));

        Assert.Equal(0, left);
        Assert.Equal(At(2026, 12, 2, 0), SendBackClock.Resumed(ShippedReferenceData.Set, left, At(2026, 11, 30, 9)));
    }

    [Fact]
    public void TheOfficeHasThePolicysWorkingDaysToHandTheMaterialIn()
    {
        // Five working days after Tuesday 17 November: Tuesday 24 November, until its end.
        Assert.Equal(At(2026, 11, 25, 0), SendBackClock.ResubmitBy(ShippedReferenceData.Set, ShippedPolicies.Of("shanxi"), At(2026, 11, 17, 15)));
    }

    [Fact]
    public void PastTheOfficesTimeTheApplicationLapsesWithTheMaterialReason()
    {
        var now = At(2026, 11, 25, 0);
        var month = new DateOnly(2026, 12, 1);

        var reason = ReviewExpiry.ReasonFor(ReviewStage.CountyBureau, now, month, now, new DateOnly(2026, 11, 1), awaitingMaterial: true);

        Assert.Equal(ReviewReasonCodes.MaterialNotResubmitted, reason?.Code);
        Assert.Equal(SmsReasons.ApplicationDetails, SmsReasons.For(reason?.Code));
        Assert.Null(ReviewExpiry.ReasonFor(ReviewStage.CountyBureau, now.AddTicks(1), month, now, new DateOnly(2026, 11, 1), awaitingMaterial: true));
    }

    [Fact]
    public void AVisitMonthThatEndsWhileTheMaterialIsAwayExpiresTheApplicationForTheMonth()
    {
        var now = At(2026, 12, 1, 9);

        Assert.Equal(ReviewReasonCodes.MonthPassed, ReviewExpiry.ReasonFor(ReviewStage.Prison, now.AddDays(3), new DateOnly(2026, 11, 1), now, new DateOnly(2026, 12, 1), awaitingMaterial: true)?.Code);
    }

    [Fact]
    public void TheFamilysSmsNamesTheCodedItemsAndNeverTheNote()
    {
        var text = SmsTemplates.Render(SmsKind.SentBack, new Dictionary<string, string>
        {
            ["materials"] = MissingMaterials.Describe([MissingMaterials.HouseholdRegister, MissingMaterials.RelationshipProof]),
            ["date"] = "2026年11月24日",
            ["officeName"] = "解州镇司法所",
            ["note"] = "户口簿复印件看不清，其兄在服刑",
        });

        Assert.Contains("户口簿、亲属关系证明", text, StringComparison.Ordinal);
        Assert.DoesNotContain("服刑", text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCodeHasWordsAndAnUnknownCodeIsRefused()
    {
        Assert.All(MissingMaterials.All, code => Assert.False(string.IsNullOrEmpty(MissingMaterials.WordsFor(code))));
        Assert.False(MissingMaterials.IsKnown("favourite_colour"));
        Assert.Throws<ArgumentOutOfRangeException>(() => MissingMaterials.WordsFor("favourite_colour"));
    }

    private static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, ChinaTime.Offset);
}
