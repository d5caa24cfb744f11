using Visitation.Rules.Reviewing;
using Xunit;

namespace Visitation.Rules.Tests.Reviewing;

public sealed class ReviewStateMachineTests
{
    public static TheoryData<ReviewStatus, ReviewStatus> EveryPair()
    {
        var pairs = new TheoryData<ReviewStatus, ReviewStatus>();
        foreach (var from in Enum.GetValues<ReviewStatus>())
        {
            foreach (var to in Enum.GetValues<ReviewStatus>())
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    public static TheoryData<ReviewStatus, ReviewStatus> EveryDecisionOnEveryStatus()
    {
        var pairs = new TheoryData<ReviewStatus, ReviewStatus>();
        foreach (var current in Enum.GetValues<ReviewStatus>())
        {
            foreach (var decision in ReviewStateMachine.ReviewerDecisions)
            {
                pairs.Add(current, decision);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void OnlyTheTabledMovesAreAllowed(ReviewStatus from, ReviewStatus to)
    {
        var tabled = (from, to) switch
        {
            (ReviewStatus.Pending, ReviewStatus.Approved or ReviewStatus.Rejected or ReviewStatus.SentBack or ReviewStatus.Expired or ReviewStatus.Withdrawn) => true,
            (ReviewStatus.SentBack, ReviewStatus.Pending or ReviewStatus.Expired or ReviewStatus.Withdrawn) => true,
            _ => false,
        };

        Assert.Equal(tabled, ReviewStateMachine.CanMove(from, to));
    }

    [Theory]
    [InlineData(ReviewStatus.Approved)]
    [InlineData(ReviewStatus.Rejected)]
    [InlineData(ReviewStatus.Expired)]
    [InlineData(ReviewStatus.Withdrawn)]
    public void AFinalStatusGoesNowhere(ReviewStatus final)
    {
        Assert.DoesNotContain(Enum.GetValues<ReviewStatus>(), to => ReviewStateMachine.CanMove(final, to));
    }

    [Theory]
    [MemberData(nameof(EveryDecisionOnEveryStatus))]
    public void EveryDecisionOnEveryStatusIsAMoveARepeatOrARefusalWithAText(ReviewStatus current, ReviewStatus decision)
    {
        var transition = ReviewStateMachine.Decide(ReviewStage.Prison, current, decision);

        var expected = current == decision ? ReviewTransitionKind.Repeat
            : ReviewStateMachine.CanMove(current, decision) ? ReviewTransitionKind.Move
            : ReviewTransitionKind.Refused;
        Assert.Equal(expected, transition.Kind);
        Assert.Equal(expected == ReviewTransitionKind.Refused, !string.IsNullOrEmpty(transition.Refusal));
    }

    [Theory]
    [InlineData(ReviewStatus.Approved)]
    [InlineData(ReviewStatus.Rejected)]
    [InlineData(ReviewStatus.SentBack)]
    public void APendingReviewTakesAnyDecision(ReviewStatus decision)
    {
        Assert.Equal(ReviewTransition.Move, ReviewStateMachine.Decide(ReviewStage.CountyBureau, ReviewStatus.Pending, decision));
    }

    [Theory]
    [InlineData(ReviewStatus.Approved)]
    [InlineData(ReviewStatus.Rejected)]
    public void RepeatingTheRecordedDecisionIsAnsweredNotRefused(ReviewStatus decided)
    {
        Assert.Equal(ReviewTransition.Repeat, ReviewStateMachine.Decide(ReviewStage.CountyBureau, decided, decided));
    }

    [Theory]
    [InlineData(ReviewStatus.Approved, ReviewStatus.Rejected)]
    [InlineData(ReviewStatus.Rejected, ReviewStatus.Approved)]
    [InlineData(ReviewStatus.Approved, ReviewStatus.SentBack)]
    public void AContradictingDecisionIsRefusedInTheStagesWords(ReviewStatus decided, ReviewStatus decision)
    {
        Assert.Equal("该申请已作出其他复审决定", ReviewStateMachine.Decide(ReviewStage.CountyBureau, decided, decision).Refusal);
        Assert.Equal("该申请已作出其他审批决定", ReviewStateMachine.Decide(ReviewStage.Prison, decided, decision).Refusal);
    }

    [Fact]
    public void AWithdrawnApplicationIsRefusedWithTheSameWordsAtEveryStage()
    {
        Assert.Equal("家属已撤回该申请", ReviewStateMachine.Decide(ReviewStage.CountyBureau, ReviewStatus.Withdrawn, ReviewStatus.Approved).Refusal);
        Assert.Equal("家属已撤回该申请", ReviewStateMachine.Decide(ReviewStage.Prison, ReviewStatus.Withdrawn, ReviewStatus.Rejected).Refusal);
    }

    [Fact]
    public void AnExpiredApplicationIsRefusedNamingTheStagesDeadline()
    {
        Assert.Equal("该申请已超过复审期限而失效", ReviewStateMachine.Decide(ReviewStage.CountyBureau, ReviewStatus.Expired, ReviewStatus.Approved).Refusal);
        Assert.Equal("该申请已超过审核期限而失效", ReviewStateMachine.Decide(ReviewStage.Prison, ReviewStatus.Expired, ReviewStatus.Rejected).Refusal);
    }

    [Theory]
    [InlineData(ReviewStatus.Approved)]
    [InlineData(ReviewStatus.Rejected)]
    public void ASentBackApplicationWaitsForItsMaterial(ReviewStatus decision)
    {
        Assert.Equal(ReviewRefusals.AwaitingMaterial, ReviewStateMachine.Decide(ReviewStage.Prison, ReviewStatus.SentBack, decision).Refusal);
    }

    [Theory]
    [InlineData(ReviewStatus.Pending)]
    [InlineData(ReviewStatus.Expired)]
    [InlineData(ReviewStatus.Withdrawn)]
    public void ExpiryAndWithdrawalAreNotAReviewersDecision(ReviewStatus notADecision)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewStateMachine.Decide(ReviewStage.Prison, ReviewStatus.Pending, notADecision));
    }
}
