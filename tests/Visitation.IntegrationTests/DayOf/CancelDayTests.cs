using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using Visitation.Rules.Sms;

namespace Visitation.IntegrationTests.DayOf;

/// <summary>Cancelling visits [N§19]: by the prison for a whole day, and at prison approval's request.</summary>
public sealed class CancelDayTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task ACancelledDayReoffersEveryFamilyANewSlotAndTellsThemBySms()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        // Area 6 holds video visits on the 6th, 16th and 26th; the three families land on the same first day.
        // The county venue closes it (a prison-wide closure would also take the day from other tests' venues).
        var venue = system.Scheduling(VisitationSystem.Token(Roles.VenueStaff, Orgs.Venue, "venue-wu"));
        var families = Enumerable.Range(0, 3).Select(_ => new Family(system.Clock)).ToList();
        var visits = new List<VisitView>();
        foreach (var family in families)
        {
            var (_, proposal) = await _chain.DriveToProposalAsync(family, "停会" + family.Phone[^4..], area: "6");
            visits.Add(await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId }));
        }

        var day = Assert.Single(visits.Select(v => v.Date).Distinct());
        var reply = await venue.CancelDayAsync(new CancelDayRequest { Date = day, Cause = CancellationCause.Maintenance, Note = "更换会见终端" });
        var again = await venue.CancelDayAsync(new CancelDayRequest { Date = day, Cause = CancellationCause.Maintenance, Note = "更换会见终端" });

        Assert.Equal(reply.ClosureId, again.ClosureId); // the same closure: nothing cancelled twice
        Assert.Equal(reply.Cancelled.Select(c => c.VisitId), again.Cancelled.Select(c => c.VisitId));
        foreach (var (family, visit) in families.Zip(visits))
        {
            var cancelled = Assert.Single(reply.Cancelled, c => c.VisitId == visit.VisitId);
            Assert.True(cancelled.Reoffered);
            Assert.NotEqual(day, cancelled.NewDate);
            Assert.Contains(DateOnly.ParseExact(cancelled.NewDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).Day, new[] { 6, 16, 26 });
            var old = await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId });
            Assert.Equal((VisitStatus.Cancelled, "DAY_CANCELLED"), (old.Status, old.OutcomeReasonCode));
            var proposal = await _chain.WaitForProposalAsync(visit.ApplicationId);
            Assert.Equal(cancelled.NewVisitId, proposal.VisitId);

            var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count == 3, $"the cancellation SMS to {family.Phone}");
            // The venue's note on why stays with the closure; the family reads the neutral sentence.
            Assert.Contains("原因：" + SmsReasons.Arrangements, sms[2].Text, StringComparison.Ordinal);
            Assert.DoesNotContain("会见设备检修", sms[2].Text, StringComparison.Ordinal);
            Assert.Contains($"{TestDates.InSms(day)} {visit.StartTime}的远程视频会见已取消", sms[2].Text, StringComparison.Ordinal);
            Assert.Contains("新的会见时间确定后将另行短信通知", sms[2].Text, StringComparison.Ordinal);

            // The clerk's view: back to waiting for a time, with the new proposal on it.
            var application = await Eventually.Until(async () => await _chain.Clerk.GetApplicationAsync(new Contracts.Grpc.Application.GetApplicationRequest { ApplicationId = visit.ApplicationId }),
                a => a.Status == ApplicationStatus.VisitProposed && a.Timeline.Any(t => t.Event == TimelineEvent.VisitCancelled), $"{visit.ApplicationId} to show the cancellation");
            Assert.Equal("DAY_CANCELLED", application.Timeline.Single(t => t.Event == TimelineEvent.VisitCancelled).ReasonCode);
            Assert.Null(application.Visit);
        }

        // A second copy of a cancellation (a new message id, so the inbox lets it through) sends no second SMS.
        var first = visits[0];
        var copyId = Guid.NewGuid();
        await system.PublishAsync(new VisitCancelled(Guid.Parse(first.ApplicationId), Guid.Parse(first.VisitId), Orgs.Prison, families[0].InmateNumber, Orgs.Venue,
            DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeOnly.ParseExact(first.StartTime, "HH:mm", CultureInfo.InvariantCulture),
            "DAY_CANCELLED", "会见设备检修（更换会见终端）", true, "venue-wu", system.Clock.GetUtcNow()), copyId);
        await Eventually.Until(() => Reliability.OutboxRows.QueryAsync(system.Databases["notification"],
                "SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", copyId)),
            n => Convert.ToInt64(n, CultureInfo.InvariantCulture) > 0, "the copy to be handled");
        Assert.Equal(3, await Reliability.OutboxRows.SmsRowsAsync(system.Databases["notification"], first.ApplicationId));

        // Nothing new is placed on the closed day: a free-slot search for a re-offered visit skips it.
        var free = await _chain.VisitCentre.ListFreeSlotsAsync(new ListFreeSlotsRequest { VisitId = reply.Cancelled[0].NewVisitId, MaxResults = 200 });
        Assert.NotEmpty(free.Slots);
        Assert.DoesNotContain(free.Slots, s => s.Date == day);
    }

    [Fact]
    public async Task ClosingOnePrisonTerminalForATimeRangeMovesOnlyTheVisitItTouches()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (_, proposal) = await _chain.DriveToProposalAsync(family, "检修" + family.Phone[^4..], area: "11");
        var start = TimeOnly.ParseExact(proposal.StartTime, "HH:mm", CultureInfo.InvariantCulture);
        var end = start.AddMinutes(40).ToString("HH:mm", CultureInfo.InvariantCulture);

        var reply = await _chain.VisitCentre.CancelDayAsync(new CancelDayRequest
        {
            Date = proposal.Date, Cause = CancellationCause.NetworkFault, TerminalId = proposal.PrisonTerminal, StartTime = proposal.StartTime, EndTime = end,
        });

        var cancelled = Assert.Single(reply.Cancelled, c => c.VisitId == proposal.VisitId);
        var replacement = await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = cancelled.NewVisitId });
        Assert.Equal(VisitStatus.Proposed, replacement.Status);
        var moved = replacement.Date != proposal.Date || replacement.PrisonTerminal != proposal.PrisonTerminal
            || string.CompareOrdinal(replacement.StartTime, end) >= 0 || string.CompareOrdinal(replacement.StartTime, proposal.StartTime) < 0;
        Assert.True(moved, $"the new proposal {replacement.Date} {replacement.StartTime} {replacement.PrisonTerminal} lies in the closure");
        var wrongTerminal = await Assert.ThrowsAsync<RpcException>(async () => await _chain.VisitCentre.CancelDayAsync(
            new CancelDayRequest { Date = proposal.Date, Cause = CancellationCause.Maintenance, TerminalId = "YJ-V1" })); // a venue's terminal, not the prison's
        Assert.Equal(StatusCode.InvalidArgument, wrongTerminal.StatusCode);
        var closures = await _chain.VisitCentre.ListClosuresAsync(new ListClosuresRequest { DateFrom = proposal.Date, DateTo = proposal.Date });
        var closure = Assert.Single(closures.Closures, c => c.TerminalId == proposal.PrisonTerminal && c.StartTime == proposal.StartTime);
        Assert.Equal((end, "网络故障", 1), (closure.EndTime, closure.Reason, closure.CancelledVisits));
    }

    [Fact]
    public async Task AReopenedClosureOffersItsDayAgainAndItsCancelledVisitsStayCancelled()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var venue = system.Scheduling(VisitationSystem.Token(Roles.VenueStaff, Orgs.Venue, "venue-wu"));
        var family = new Family(system.Clock);
        var (_, proposal) = await _chain.DriveToProposalAsync(family, "复开" + family.Phone[^4..], area: "6");
        var closed = await venue.CancelDayAsync(new CancelDayRequest { Date = proposal.Date, Cause = CancellationCause.Upgrade });
        var moved = Assert.Single(closed.Cancelled, c => c.VisitId == proposal.VisitId);
        var whileClosed = await _chain.VisitCentre.ListFreeSlotsAsync(new ListFreeSlotsRequest { VisitId = moved.NewVisitId, MaxResults = 200 });

        var byThePrison = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.VisitCentre.ReopenClosureAsync(new ReopenClosureRequest { ClosureId = closed.ClosureId })); // the venue's closure, not the prison's
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await venue.ReopenClosureAsync(new ReopenClosureRequest { ClosureId = Guid.NewGuid().ToString() }));
        var reopened = await venue.ReopenClosureAsync(new ReopenClosureRequest { ClosureId = closed.ClosureId });
        var again = await venue.ReopenClosureAsync(new ReopenClosureRequest { ClosureId = closed.ClosureId });
        var afterwards = await _chain.VisitCentre.ListFreeSlotsAsync(new ListFreeSlotsRequest { VisitId = moved.NewVisitId, MaxResults = 200 });

        Assert.DoesNotContain(whileClosed.Slots, s => s.Date == proposal.Date);
        Assert.Contains(afterwards.Slots, s => s.Date == proposal.Date);
        Assert.Equal(StatusCode.NotFound, byThePrison.StatusCode); // the other side's closure is not the prison's to see
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("venue-wu", reopened.ReopenedBy);
        Assert.NotNull(reopened.ReopenedAt);
        Assert.Equal(reopened.ReopenedAt, again.ReopenedAt); // reopening twice changes nothing
        Assert.Equal(ClosureSide.Venue, reopened.Side);
        Assert.True(reopened.CancelledVisits >= 1);
        // The family already holds a re-offer: the cancelled visit is not brought back onto the day.
        Assert.Equal(VisitStatus.Cancelled, (await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = proposal.VisitId })).Status);
        Assert.Equal(VisitStatus.Proposed, (await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = moved.NewVisitId })).Status);
    }

    [Fact]
    public async Task ACauseNotGivenOrNotInTheContractIsAFieldViolation()
    {
        var visitId = Guid.NewGuid().ToString(); // refused before any visit is looked up

        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.VisitCentre.CancelVisitAsync(new CancelVisitRequest { VisitId = visitId }));
        var undefined = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.VisitCentre.InterruptVisitAsync(new InterruptVisitRequest { VisitId = visitId, Cause = (InterruptionCause)99 }));

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (missing.StatusCode, undefined.StatusCode));
        Assert.Equal("cause", Assert.Single(missing.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal("cause", Assert.Single(undefined.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task OnlyThePrisonsOwnOfficersMayCancelItsVisits()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (_, proposal) = await _chain.DriveToProposalAsync(family, "越权" + family.Phone[^4..], area: "6");
        var stranger = system.Scheduling(VisitationSystem.Token(Roles.VenueStaff, "yanhu-venue"));

        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
            await stranger.CancelVisitAsync(new CancelVisitRequest { VisitId = proposal.VisitId, Cause = CancellationCause.Maintenance }));
        var invalid = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.VisitCentre.CancelVisitAsync(new CancelVisitRequest { VisitId = proposal.VisitId, Cause = CancellationCause.Other }));

        Assert.Equal(StatusCode.NotFound, denied.StatusCode); // another venue's visit answers as an unknown one
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains("备注", invalid.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestedCancellationCancelsWithoutReofferAndIsRememberedForALaterApproval()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        // The visit exists: it is cancelled, and the family is told no new time will follow.
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "暂停" + family.Phone[^4..], area: "6");
        var inmateNumber = family.InmateNumber;
        var date = DateOnly.ParseExact(proposal.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await system.PublishAsync(new VisitCancellationRequested(Guid.Parse(id), Orgs.Prison, inmateNumber, date.AddDays(-1), null,
            "SUSPENDED_CONFINEMENT", "罪犯禁闭期间暂停会见", "officer-sun", system.Clock.GetUtcNow()), Guid.NewGuid());

        var cancelled = await Eventually.Until(async () => await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = proposal.VisitId }),
            v => v.Status == VisitStatus.Cancelled, "the requested cancellation");
        var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count == 2, "the cancellation SMS");
        Assert.Equal("SUSPENDED_CONFINEMENT", cancelled.OutcomeReasonCode);
        // Confinement is a fact about the inmate: the shared phone reads only that the conditions are not met.
        Assert.Contains("原因：" + SmsReasons.ConditionsNotMet, sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("禁闭", sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("新的会见时间", sms[1].Text, StringComparison.Ordinal);
        // The proposal was never confirmed, so the family never heard its time: no "原定于…" either.
        Assert.Contains("未能安排", sms[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("原定于", sms[1].Text, StringComparison.Ordinal);

        // No visit yet: the request arrives before the prison's approval, which then books around it.
        var later = new Family(system.Clock);
        var inmate = "延后" + later.Phone[^4..];
        await _chain.ImportInmateAsync(later.InmateNumber, inmate, "6");
        var laterId = await _chain.SubmitAsync(later.Application(inmate, "6"));
        var month = DateOnly.ParseExact(Family.NextVisitMonth(system.Clock) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await system.PublishAsync(new VisitCancellationRequested(Guid.Parse(laterId), Orgs.Prison, later.InmateNumber, month, month.AddDays(19),
            "SUSPENDED_INVESTIGATION", "罪犯涉嫌新罪接受调查期间暂停会见", "officer-sun", system.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(async () => await OutboxRowsCount(laterId), n => n > 0, "the request to be recorded");
        await _chain.WaitForBureauTaskAsync(laterId);
        await _chain.Reviewer.ApproveApplicationAsync(new Contracts.Grpc.BureauReview.ApproveReviewRequest { ApplicationId = laterId });
        await _chain.WaitForPrisonTaskAsync(laterId);
        await _chain.Officer.ApproveApplicationAsync(new Contracts.Grpc.PrisonApproval.PrisonApproveRequest { ApplicationId = laterId });
        var laterProposal = await _chain.WaitForProposalAsync(laterId);

        Assert.Equal(26, DateOnly.ParseExact(laterProposal.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture).Day); // the 6th and 16th are inside the range
    }

    private Task<long> OutboxRowsCount(string applicationId) =>
        Task.Run(async () => Convert.ToInt64(await Reliability.OutboxRows.QueryAsync(system.Databases["scheduling"],
            "SELECT count(*) FROM cancellation_requests WHERE application_id = @id::uuid", ("id", applicationId)), CultureInfo.InvariantCulture));
}
