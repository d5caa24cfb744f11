using System.Globalization;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;

namespace Visitation.IntegrationTests.Audit;

/// <summary>
/// Scheduling's decisions on the running chain, each audited once: a move, a closure with the
/// visits it cancels and the proposals it makes instead, the reopening, the visit a withdrawal
/// frees, and a first proposal for which the month has no room. (The day's timers are asserted in the day-of tests that run them.)
/// </summary>
public sealed class SchedulingAuditTests(VisitationSystem system)
{
    private const string Service = "scheduling";
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AMoveAClosureTheReopeningAndAWithdrawalEachWriteOneRowPerVisitWithWhoTookThem()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "审计移" + family.Phone[^4..], area: "11");
        var free = await _chain.VisitCentre.ListFreeSlotsAsync(new ListFreeSlotsRequest { VisitId = proposal.VisitId, MaxResults = 50 });
        var other = free.Slots.Last(s => s.Date != proposal.Date || s.StartTime != proposal.StartTime);
        var moved = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId, Date = other.Date, StartTime = other.StartTime });
        // Only the prison terminal's time range of this visit is closed, so no other test's visit is touched.
        var end = TimeOnly.ParseExact(moved.StartTime, "HH:mm", CultureInfo.InvariantCulture).AddMinutes(40).ToString("HH:mm", CultureInfo.InvariantCulture);
        var closed = await _chain.VisitCentre.CancelDayAsync(new CancelDayRequest
        {
            Date = moved.Date, Cause = CancellationCause.NetworkFault, TerminalId = moved.PrisonTerminal, StartTime = moved.StartTime, EndTime = end,
        });
        await _chain.VisitCentre.ReopenClosureAsync(new ReopenClosureRequest { ClosureId = closed.ClosureId });
        await _chain.VisitCentre.ReopenClosureAsync(new ReopenClosureRequest { ClosureId = closed.ClosureId }); // changes nothing
        var replacement = await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = Assert.Single(closed.Cancelled, c => c.VisitId == moved.VisitId).NewVisitId });
        // Confirming at the very slot proposed is a confirmation, not a move.
        await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = replacement.VisitId, Date = replacement.Date, StartTime = replacement.StartTime });
        // The application's timeline settles first (its consumers and a withdrawal would otherwise race for the row).
        await Eventually.Until(async () => await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }),
            a => a.Timeline.Count(t => t.Event == TimelineEvent.VisitScheduled) == 2, "the application's timeline to show the confirmed re-offer");
        await _chain.Clerk.WithdrawApplicationAsync(new WithdrawApplicationRequest { ApplicationId = id, Reason = "家中有事" });

        await AuditRows.SingleAsync(system, Service, "VisitProposed", proposal.VisitId, AuditedActor.System);
        await AuditRows.SingleAsync(system, Service, "VisitMoved", moved.VisitId, AuditedActor.Officer);
        Assert.Empty(await AuditRows.OfAsync(system.Databases[Service], "VisitConfirmed", moved.VisitId));
        var closure = await AuditRows.SingleAsync(system, Service, "DayClosed", closed.ClosureId, AuditedActor.Officer);
        Assert.Equal($"cancelled:{closed.Cancelled.Count}", closure.Outcome);
        var cancelled = await AuditRows.SingleAsync(system, Service, "VisitCancelled", moved.VisitId, AuditedActor.System);
        Assert.Equal("DAY_CANCELLED", cancelled.ReasonCode);
        await AuditRows.SingleAsync(system, Service, "VisitProposed", replacement.VisitId, AuditedActor.System);
        await AuditRows.SingleAsync(system, Service, "ClosureReopened", closed.ClosureId, AuditedActor.Officer);
        await AuditRows.SingleAsync(system, Service, "VisitConfirmed", replacement.VisitId, AuditedActor.Officer);
        Assert.Empty(await AuditRows.OfAsync(system.Databases[Service], "VisitMoved", replacement.VisitId));
        // The withdrawal is the clerk's (the application service's row); the visit it frees is the system's consequence.
        var withdrawn = await AuditRows.SingleEventuallyAsync(system, Service, "VisitCancelled", replacement.VisitId, AuditedActor.System);
        Assert.Equal("APPLICATION_WITHDRAWN", withdrawn.ReasonCode);
    }

    [Fact]
    public async Task AnApprovalTheMonthHasNoRoomForWritesOneSystemRowThatNoVisitCouldBeProposed()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "审计满" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
        var request = family.Application(inmate);
        var id = await _chain.SubmitAsync(request);
        // Prison approval has asked that the whole visit month be avoided (as for a suspension), before its approval arrives.
        var month = DateOnly.ParseExact(request.VisitMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await system.PublishAsync(new VisitCancellationRequested(Guid.Parse(id), Orgs.Prison, family.InmateNumber, month, month.AddMonths(1).AddDays(-1),
            "SUSPENDED_INVESTIGATION", "罪犯涉嫌新罪接受调查期间暂停会见", "officer-sun", system.Clock.GetUtcNow()), Guid.NewGuid());
        await Eventually.Until(() => OutboxRows.QueryAsync(system.Databases[Service], "SELECT count(*) FROM cancellation_requests WHERE application_id = @id::uuid", ("id", id)),
            n => Convert.ToInt64(n, CultureInfo.InvariantCulture) > 0, "the request to be recorded");
        await _chain.WaitForBureauTaskAsync(id);
        await _chain.Reviewer.ApproveApplicationAsync(new Contracts.Grpc.BureauReview.ApproveReviewRequest { ApplicationId = id });
        await _chain.WaitForPrisonTaskAsync(id);
        await _chain.Officer.ApproveApplicationAsync(new Contracts.Grpc.PrisonApproval.PrisonApproveRequest { ApplicationId = id });

        var unavailable = await AuditRows.SingleEventuallyAsync(system, Service, "VisitProposed", id, AuditedActor.System);
        Assert.Equal(("application", "unavailable", "NO_SLOT_IN_MONTH"), (unavailable.RecordType, unavailable.Outcome, unavailable.ReasonCode));
    }
}
