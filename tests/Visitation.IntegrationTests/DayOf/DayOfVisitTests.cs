using System.Globalization;
using Grpc.Core;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.DayOf;

/// <summary>
/// The day of the visit on the real services [N§10–16]. Each test applies on the run's application
/// day (2 February 2026, see <see cref="TestDates"/>), so its visit falls on an area day of March 2026;
/// it then holds the run's clock at the moments of that day it asserts (see <see cref="TestClock"/>)
/// and lets it run on from there after.
/// </summary>
public sealed class DayOfVisitTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);
    private readonly SchedulingService.SchedulingServiceClient _venue = system.Scheduling(VisitationSystem.Token(Roles.VenueStaff, Orgs.Venue, "venue-wu"));

    [Fact]
    public async Task AnInterruptedCallResumesForTheRemainingMinutesOnly()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var (family, visit) = await ScheduledVisitAsync("中断");
        try
        {
            await CheckInAsync(visit, minutesBeforeStart: 20);
            await AtAsync(visit, 0, () => _chain.VisitCentre.StartVisitAsync(new VisitActionRequest { VisitId = visit.VisitId }).ResponseAsync);
            var interrupted = await AtAsync(visit, 12, () => _chain.VisitCentre.InterruptVisitAsync(new InterruptVisitRequest { VisitId = visit.VisitId, Cause = InterruptionCause.Network }).ResponseAsync);
            var resumed = await AtAsync(visit, 15, () => _chain.VisitCentre.ResumeVisitAsync(new VisitActionRequest { VisitId = visit.VisitId }).ResponseAsync);
            var completed = await AtAsync(visit, 25, () => _chain.VisitCentre.CompleteVisitAsync(new VisitActionRequest { VisitId = visit.VisitId }).ResponseAsync);

            Assert.Equal((VisitStatus.Interrupted, 12), (interrupted.Status, interrupted.MinutesUsed));
            // 12 of 30 minutes talked before the network dropped: the reconnection gets 18, not 30, and the 3-minute outage is not counted.
            Assert.Equal((VisitStatus.InProgress, 18 * 60), (resumed.Status, resumed.RemainingSeconds));
            Assert.Equal(ChinaTime(visit, 33), resumed.EndsAt.ToDateTimeOffset());
            Assert.Equal((VisitStatus.Completed, 22), (completed.Status, completed.MinutesUsed));
            await AuditRows.SingleAsync(system, "scheduling", "VisitCompleted", visit.VisitId, AuditedActor.Officer);
            var interruption = Assert.Single(completed.Interruptions);
            Assert.Equal(InterruptionCause.Network, interruption.Cause);
            Assert.Equal(ChinaTime(visit, 15), interruption.ResumedAt.ToDateTimeOffset());
            var published = await PublishedEvents.OfVisitAsync(system, "VisitCompleted", visit.VisitId);
            Assert.Equal(22, published.GetProperty("minutesUsed").GetInt32());
            Assert.Equal(family.InmateNumber, published.GetProperty("inmateNumber").GetString());
        }
        finally
        {
            system.Clock.Release();
        }
    }

    [Fact]
    public async Task NobodyCheckedInByTheStartIsANoShow()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var (family, visit) = await ScheduledVisitAsync("未到");
        try
        {
            system.Clock.Freeze(ChinaTime(visit, 1));

            // Nobody calls anything: the no-show timer set at confirmation fires by itself.
            var noShow = await Eventually.Until(async () => await _venue.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId }),
                v => v.Status == VisitStatus.NoShow, $"visit {visit.VisitId} to become a no-show");
            var late = await Assert.ThrowsAsync<RpcException>(async () =>
                await _venue.CheckInAsync(new CheckInRequest { VisitId = visit.VisitId, IdentityChecked = true }));

            Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
            Assert.NotNull(noShow.EndedAt);
            var published = await PublishedEvents.OfVisitAsync(system, "VisitNoShow", visit.VisitId);
            Assert.Equal(family.InmateNumber, published.GetProperty("inmateNumber").GetString());
            Assert.Equal(visit.Date, published.GetProperty("date").GetString());
            await AuditRows.SingleAsync(system, "scheduling", "VisitNoShow", visit.VisitId, AuditedActor.System);
        }
        finally
        {
            system.Clock.Release();
        }
    }

    [Fact]
    public async Task ATerminatedCallPublishesThePenaltyThePolicyAllows()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var (family, visit) = await ScheduledVisitAsync("中止");
        try
        {
            await CheckInAsync(visit, minutesBeforeStart: 5);
            await AtAsync(visit, 0, () => _chain.VisitCentre.StartVisitAsync(new VisitActionRequest { VisitId = visit.VisitId }).ResponseAsync);
            system.Clock.Freeze(ChinaTime(visit, 8));

            // Shanxi: a serious breach suspends visits for 6 months, not 3 [Y 十].
            var wrong = await Assert.ThrowsAsync<RpcException>(async () => await _chain.VisitCentre.TerminateVisitAsync(
                new TerminateVisitRequest { VisitId = visit.VisitId, ReasonCode = "RECORDING", Severity = TerminationSeverity.Serious, PenaltyMonths = 3 }));
            var terminated = await _chain.VisitCentre.TerminateVisitAsync(
                new TerminateVisitRequest { VisitId = visit.VisitId, ReasonCode = "RECORDING", Severity = TerminationSeverity.Serious, PenaltyMonths = 6, Note = "家属用手机拍摄" });

            Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
            Assert.Contains("处罚月数", wrong.Status.Detail, StringComparison.Ordinal);
            Assert.Equal((VisitStatus.Terminated, 8, "RECORDING"), (terminated.Status, terminated.MinutesUsed, terminated.OutcomeReasonCode));
            var published = await PublishedEvents.OfVisitAsync(system, "VisitTerminated", visit.VisitId);
            Assert.Equal(("serious", 6, 8), (published.GetProperty("severity").GetString(), published.GetProperty("penaltyMonths").GetInt32(), published.GetProperty("minutesUsed").GetInt32()));
            Assert.Equal(family.InmateNumber, published.GetProperty("inmateNumber").GetString());
            Assert.Contains("私自录音、录像或拍照", published.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, await PublishedEvents.CountAsync(system, "VisitTerminated", visit.VisitId));
        }
        finally
        {
            system.Clock.Release();
        }
    }

    [Fact]
    public async Task AtTheEndOfTheDayAVisitNeverStartedIsCancelledAndAnUnfinishedCallCompleted()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var (_, waiting) = await ScheduledVisitAsync("未开");
        var (family, talking) = await ScheduledVisitAsync("未完");
        try
        {
            await CheckInAsync(waiting, minutesBeforeStart: 10);
            await CheckInAsync(talking, minutesBeforeStart: 10);
            await AtAsync(talking, 0, () => _chain.VisitCentre.StartVisitAsync(new VisitActionRequest { VisitId = talking.VisitId }).ResponseAsync);
            await AtAsync(talking, 12, () => _chain.VisitCentre.InterruptVisitAsync(new InterruptVisitRequest { VisitId = talking.VisitId, Cause = InterruptionCause.Network }).ResponseAsync);
            var lastDay = new[] { waiting.Date, talking.Date }.Max(StringComparer.Ordinal)!;

            // Nobody starts the one or resumes the other: the day-end timers set at check-in close both by themselves.
            system.Clock.Freeze(TestDates.Of(lastDay, "23:59").AddSeconds(30));
            var cancelled = await Eventually.Until(async () => await _venue.GetVisitAsync(new GetVisitRequest { VisitId = waiting.VisitId }),
                v => v.Status == VisitStatus.Cancelled, $"the unstarted visit {waiting.VisitId} to be cancelled");
            var completed = await Eventually.Until(async () => await _venue.GetVisitAsync(new GetVisitRequest { VisitId = talking.VisitId }),
                v => v.Status == VisitStatus.Completed, $"the unfinished visit {talking.VisitId} to be completed");

            Assert.Equal("NOT_STARTED", cancelled.OutcomeReasonCode);
            var cancellation = await PublishedEvents.OfVisitAsync(system, "VisitCancelled", waiting.VisitId);
            Assert.True(cancellation.GetProperty("reoffered").GetBoolean()); // the family came: they get a new slot
            var reoffer = await _chain.WaitForProposalAsync(waiting.ApplicationId);
            Assert.NotEqual(waiting.VisitId, reoffer.VisitId);
            Assert.Equal(12, completed.MinutesUsed); // the minutes talked before the interruption, not the visit's 30
            var completion = await PublishedEvents.OfVisitAsync(system, "VisitCompleted", talking.VisitId);
            Assert.Equal(12, completion.GetProperty("minutesUsed").GetInt32());
            Assert.Equal(family.InmateNumber, completion.GetProperty("inmateNumber").GetString());
            Assert.Equal("NOT_STARTED", (await AuditRows.SingleAsync(system, "scheduling", "VisitCancelled", waiting.VisitId, AuditedActor.System)).ReasonCode);
            Assert.Equal("closed_at_day_end", (await AuditRows.SingleAsync(system, "scheduling", "VisitCompleted", talking.VisitId, AuditedActor.System)).Outcome);
        }
        finally
        {
            system.Clock.Release();
        }
    }

    [Fact]
    public async Task TheFamilyIsRemindedOnceTheDayBefore()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var (family, visit) = await ScheduledVisitAsync("叮嘱");
        try
        {
            var dayBefore = DateOnly.ParseExact(visit.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-1);
            system.Clock.Freeze(TestDates.At(dayBefore.Year, dayBefore.Month, dayBefore.Day, 10, 1));

            var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Any(m => m.Text.Contains("提醒：", StringComparison.Ordinal)),
                "the reminder SMS");

            var reminder = sms.Single(m => m.Text.Contains("提醒：", StringComparison.Ordinal));
            Assert.Contains($"明天{TestDates.InSms(visit.Date)} {visit.StartTime}", reminder.Text, StringComparison.Ordinal);
            var messages = await system.Notification(VisitationSystem.Token(Roles.Clerk, Orgs.Office)).ListMessagesAsync(new ListMessagesRequest { ApplicationId = visit.ApplicationId });
            Assert.Equal([SmsKind.Received, SmsKind.Scheduled, SmsKind.Reminder], messages.Messages.Select(m => m.Kind));
        }
        finally
        {
            system.Clock.Release();
        }
    }

    [Fact]
    public async Task AnUnconfirmedHoldExpiresAndTheApplicationGetsANewProposal()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "保留" + family.Phone[^4..]);
        try
        {
            system.Clock.Freeze(proposal.HoldExpiresAt.ToDateTimeOffset().AddSeconds(1));

            var expired = await Eventually.Until(async () => await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = proposal.VisitId }),
                v => v.Status == VisitStatus.Expired, "the lapsed proposal to expire");
            var replacement = await _chain.WaitForProposalAsync(id);
            var confirmOld = await Assert.ThrowsAsync<RpcException>(async () =>
                await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId }));

            Assert.NotEqual(proposal.VisitId, replacement.VisitId);
            Assert.Null(expired.HoldExpiresAt);
            Assert.True(replacement.HoldExpiresAt.ToDateTimeOffset() > proposal.HoldExpiresAt.ToDateTimeOffset());
            Assert.Equal(StatusCode.FailedPrecondition, confirmOld.StatusCode);
            await AuditRows.SingleAsync(system, "scheduling", "ProposalLapsed", proposal.VisitId, AuditedActor.System);
            await AuditRows.SingleAsync(system, "scheduling", "VisitProposed", replacement.VisitId, AuditedActor.System);
        }
        finally
        {
            system.Clock.Release();
        }
    }

    [Fact]
    public async Task TheVenueChecksInAndThePrisonRunsTheCallEachOnlyForItsOwnVisits()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var (_, visit) = await ScheduledVisitAsync("分工");
        var otherVenue = system.Scheduling(VisitationSystem.Token(Roles.VenueStaff, "yanhu-venue"));

        var officerChecksIn = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.VisitCentre.CheckInAsync(new CheckInRequest { VisitId = visit.VisitId, IdentityChecked = true }));
        var otherVenueChecksIn = await Assert.ThrowsAsync<RpcException>(async () =>
            await otherVenue.CheckInAsync(new CheckInRequest { VisitId = visit.VisitId, IdentityChecked = true }));
        var venueStarts = await Assert.ThrowsAsync<RpcException>(async () =>
            await _venue.StartVisitAsync(new VisitActionRequest { VisitId = visit.VisitId }));
        var identityNotChecked = await Assert.ThrowsAsync<RpcException>(async () =>
            await _venue.CheckInAsync(new CheckInRequest { VisitId = visit.VisitId, IdentityChecked = false }));
        var notTheDay = await Assert.ThrowsAsync<RpcException>(async () =>
            await _venue.CheckInAsync(new CheckInRequest { VisitId = visit.VisitId, IdentityChecked = true }));
        var notCheckedIn = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.VisitCentre.StartVisitAsync(new VisitActionRequest { VisitId = visit.VisitId }));

        Assert.Equal(StatusCode.PermissionDenied, officerChecksIn.StatusCode);
        Assert.Equal(StatusCode.NotFound, otherVenueChecksIn.StatusCode); // another venue's visit answers as an unknown one
        Assert.Equal(StatusCode.PermissionDenied, venueStarts.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, identityNotChecked.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, notTheDay.StatusCode); // weeks before the visit day
        Assert.Equal(StatusCode.FailedPrecondition, notCheckedIn.StatusCode);
        Assert.Equal(VisitStatus.Scheduled, (await _venue.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId })).Status);
    }

    private async Task<(Family Family, VisitView Visit)> ScheduledVisitAsync(string inmatePrefix)
    {
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, inmatePrefix + family.Phone[^4..]);
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        // Every service reads the test clock: let today's work (the "scheduled" SMS) finish before a
        // test moves the clock to the visit's day, as it would have in real time.
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        return (family, visit);
    }

    private async Task CheckInAsync(VisitView visit, int minutesBeforeStart)
    {
        system.Clock.Freeze(ChinaTime(visit, -minutesBeforeStart));
        var checkedIn = await _venue.CheckInAsync(new CheckInRequest { VisitId = visit.VisitId, IdentityChecked = true });
        Assert.Equal(VisitStatus.CheckedIn, checkedIn.Status);
    }

    private async Task<T> AtAsync<T>(VisitView visit, int minutesAfterStart, Func<Task<T>> act)
    {
        system.Clock.Freeze(ChinaTime(visit, minutesAfterStart));
        return await act();
    }

    private static DateTimeOffset ChinaTime(VisitView visit, int minutesAfterStart) => TestDates.Of(visit.Date, visit.StartTime, minutesAfterStart);
}
