using Visitation.Rules.Visits;
using Xunit;

namespace Visitation.Rules.Tests.Visits;

/// <summary>The one table of how a visit's status may change.</summary>
public sealed class VisitTransitionsTests
{
    [Theory]
    [InlineData(VisitStatus.Proposed, new[] { VisitAction.Confirm, VisitAction.Cancel, VisitAction.Expire })]
    [InlineData(VisitStatus.Scheduled, new[] { VisitAction.CheckIn, VisitAction.Cancel, VisitAction.MarkNoShow })]
    [InlineData(VisitStatus.CheckedIn, new[] { VisitAction.Start, VisitAction.Cancel })]
    [InlineData(VisitStatus.InProgress, new[] { VisitAction.Interrupt, VisitAction.Complete, VisitAction.Terminate })]
    [InlineData(VisitStatus.Interrupted, new[] { VisitAction.Resume, VisitAction.Complete, VisitAction.Terminate })]
    public void AnOpenVisitAllowsExactlyItsNextSteps(VisitStatus status, VisitAction[] expected) =>
        Assert.Equal(expected, VisitTransitions.AllowedActions(status));

    [Theory]
    [InlineData(VisitStatus.Completed)]
    [InlineData(VisitStatus.NoShow)]
    [InlineData(VisitStatus.Terminated)]
    [InlineData(VisitStatus.Cancelled)]
    [InlineData(VisitStatus.Expired)]
    public void AnEndedVisitAllowsNothing(VisitStatus status) =>
        Assert.Empty(VisitTransitions.AllowedActions(status));

    [Theory]
    [InlineData(VisitStatus.Proposed, VisitAction.Confirm, VisitStatus.Scheduled)]
    [InlineData(VisitStatus.Proposed, VisitAction.Expire, VisitStatus.Expired)]
    [InlineData(VisitStatus.Scheduled, VisitAction.CheckIn, VisitStatus.CheckedIn)]
    [InlineData(VisitStatus.Scheduled, VisitAction.MarkNoShow, VisitStatus.NoShow)]
    [InlineData(VisitStatus.CheckedIn, VisitAction.Cancel, VisitStatus.Cancelled)]
    [InlineData(VisitStatus.CheckedIn, VisitAction.Start, VisitStatus.InProgress)]
    [InlineData(VisitStatus.InProgress, VisitAction.Interrupt, VisitStatus.Interrupted)]
    [InlineData(VisitStatus.Interrupted, VisitAction.Resume, VisitStatus.InProgress)]
    [InlineData(VisitStatus.Interrupted, VisitAction.Complete, VisitStatus.Completed)]
    [InlineData(VisitStatus.InProgress, VisitAction.Terminate, VisitStatus.Terminated)]
    public void AnAllowedActionLeadsToItsStatus(VisitStatus from, VisitAction action, VisitStatus to) =>
        Assert.Equal(to, VisitTransitions.Apply(from, action));

    [Theory]
    [InlineData(VisitStatus.Scheduled, VisitAction.Start, "家属尚未在会见室签到，不能开始会见（当前状态：已确认）")]
    [InlineData(VisitStatus.Completed, VisitAction.Cancel, "该会见状态为已完成，不能取消")]
    [InlineData(VisitStatus.Expired, VisitAction.Confirm, "该提议已过保留期，请处理新的提议")]
    [InlineData(VisitStatus.Scheduled, VisitAction.Confirm, "会见已确认，改期请先取消")]
    [InlineData(VisitStatus.CheckedIn, VisitAction.Terminate, "该会见状态为已签到，没有进行中的通话")]
    public void ARefusedActionSaysWhyInTheStaffsWords(VisitStatus from, VisitAction action, string message)
    {
        var refusal = Assert.Throws<IllegalVisitTransitionException>(() => VisitTransitions.Apply(from, action));

        Assert.Equal((from, action, message), (refusal.From, refusal.Action, refusal.Message));
    }

    [Fact]
    public void EveryStatusAndActionEitherMovesOrIsRefusedNeverBoth()
    {
        foreach (var status in Enum.GetValues<VisitStatus>())
        {
            foreach (var action in Enum.GetValues<VisitAction>())
            {
                var allowed = VisitTransitions.AllowedActions(status).Contains(action);
                var moved = Record.Exception(() => VisitTransitions.Apply(status, action)) is null;
                Assert.Equal(allowed, moved);
            }
        }
    }

    [Theory]
    [InlineData(VisitStatus.InProgress, VisitAction.Start, true)]
    [InlineData(VisitStatus.InProgress, VisitAction.Resume, true)]
    [InlineData(VisitStatus.Cancelled, VisitAction.Cancel, true)]
    [InlineData(VisitStatus.Completed, VisitAction.Terminate, false)]
    public void ARepeatedActionIsRecognisedByTheStatusItLedTo(VisitStatus status, VisitAction action, bool done) =>
        Assert.Equal(done, VisitTransitions.IsDone(status, action));

    [Theory]
    [InlineData(VisitStatus.Proposed, true)]
    [InlineData(VisitStatus.CheckedIn, true)]
    [InlineData(VisitStatus.InProgress, false)]
    public void OnlyAVisitNotYetBegunIsCancellable(VisitStatus status, bool cancellable) =>
        Assert.Equal(cancellable, VisitStatuses.Cancellable(status));

    [Theory]
    [InlineData(VisitStatus.Proposed, "待确认")]
    [InlineData(VisitStatus.Scheduled, "已确认")]
    [InlineData(VisitStatus.CheckedIn, "已签到")]
    [InlineData(VisitStatus.InProgress, "通话中")]
    [InlineData(VisitStatus.Interrupted, "通话中断")]
    [InlineData(VisitStatus.Completed, "已完成")]
    [InlineData(VisitStatus.NoShow, "未到场")]
    [InlineData(VisitStatus.Terminated, "已中止")]
    [InlineData(VisitStatus.Cancelled, "已取消")]
    [InlineData(VisitStatus.Expired, "已过保留期")]
    public void EveryStatusHasTheLabelStaffRead(VisitStatus status, string label)
    {
        Assert.Equal(label, VisitStatusLabels.Of(status));
    }
}
