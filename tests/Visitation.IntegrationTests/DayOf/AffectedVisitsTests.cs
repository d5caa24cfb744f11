using System.Globalization;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.DayOf;

/// <summary>
/// What the visit centre reads around a change of circumstances: a closure's preview naming the visits
/// (and, through notification, the families' masked phones) before anything is cancelled, and the
/// list of booked visits that a closure or prison approval's cancellation request took away.
/// </summary>
public sealed class AffectedVisitsTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task ACancelDayPreviewCancelsNothingAndTheConfirmedClosureThenListsTheVisitWithItsReoffer()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (_, proposal) = await _chain.DriveToProposalAsync(family, "预览" + family.Phone[^4..], area: "11");
        var end = TimeOnly.ParseExact(proposal.StartTime, "HH:mm", CultureInfo.InvariantCulture).AddMinutes(40).ToString("HH:mm", CultureInfo.InvariantCulture);
        var closing = new CancelDayRequest
        {
            Date = proposal.Date, Cause = CancellationCause.Maintenance, TerminalId = proposal.PrisonTerminal, StartTime = proposal.StartTime, EndTime = end,
        };

        var preview = await _chain.VisitCentre.CancelDayAsync(new CancelDayRequest(closing) { Preview = true });
        var named = Assert.Single(preview.Cancelled, c => c.VisitId == proposal.VisitId);
        var stillProposed = await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = proposal.VisitId });
        var closures = await _chain.VisitCentre.ListClosuresAsync(new ListClosuresRequest { DateFrom = proposal.Date, DateTo = proposal.Date });
        var messages = await system.Notification(VisitationSystem.Token(Roles.Officer, Orgs.Prison, "officer-sun"))
            .ListMessagesAsync(new ListMessagesRequest { ApplicationId = proposal.ApplicationId });

        Assert.Equal((proposal.ApplicationId, proposal.Date, proposal.StartTime, false), (named.ApplicationId, named.Date, named.StartTime, named.Reoffered));
        Assert.Empty(preview.ClosureId); // recorded nothing
        Assert.Equal(VisitStatus.Proposed, stillProposed.Status);
        Assert.DoesNotContain(closures.Closures, c => c.TerminalId == proposal.PrisonTerminal && c.StartTime == proposal.StartTime && c.ReopenedAt is null);
        // The officer names the family by its masked phone, never the whole number.
        var phone = Assert.Single(messages.Messages.Select(m => m.PhoneMasked).Distinct());
        Assert.EndsWith(family.Phone[^4..], phone, StringComparison.Ordinal);
        Assert.NotEqual(family.Phone, phone);

        var closed = await _chain.VisitCentre.CancelDayAsync(closing);
        var cancelled = Assert.Single(closed.Cancelled, c => c.VisitId == proposal.VisitId);
        var affected = await _chain.VisitCentre.ListAffectedVisitsAsync(new ListAffectedVisitsRequest { DateFrom = proposal.Date, DateTo = proposal.Date });

        var listed = Assert.Single(affected.Visits, a => a.Visit.VisitId == proposal.VisitId);
        Assert.Equal((VisitStatus.Cancelled, "DAY_CANCELLED", closed.ClosureId), (listed.Visit.Status, listed.Visit.OutcomeReasonCode, listed.ClosureId));
        Assert.Equal(cancelled.NewVisitId, listed.Replacement.VisitId);
        Assert.Equal((cancelled.NewDate, cancelled.NewStartTime), (listed.Replacement.Date, listed.Replacement.StartTime));
    }

    [Fact]
    public async Task AVisitCancelledAtPrisonApprovalsRequestIsListedWithItsReasonAndNoReofferAndAnotherPrisonSeesNone()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "关注" + family.Phone[^4..], area: "6");
        var date = DateOnly.ParseExact(proposal.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await system.PublishAsync(new VisitCancellationRequested(Guid.Parse(id), Orgs.Prison, family.InmateNumber, date, null,
            "SUSPENDED_CONFINEMENT", "罪犯禁闭期间暂停会见", "officer-sun", system.Clock.GetUtcNow()), Guid.NewGuid());
        var range = new ListAffectedVisitsRequest { DateFrom = proposal.Date, DateTo = proposal.Date };

        var affected = await Eventually.Until(async () => await _chain.VisitCentre.ListAffectedVisitsAsync(range),
            r => r.Visits.Any(a => a.Visit.VisitId == proposal.VisitId), "the requested cancellation to be listed");
        var otherPrison = await system.Scheduling(VisitationSystem.Token(Roles.Officer, Orgs.OtherPrison, "officer-li")).ListAffectedVisitsAsync(range);

        var listed = Assert.Single(affected.Visits, a => a.Visit.VisitId == proposal.VisitId);
        Assert.Equal(("SUSPENDED_CONFINEMENT", string.Empty), (listed.Visit.OutcomeReasonCode, listed.ClosureId));
        Assert.Null(listed.Replacement); // a suspension without an end: nothing can be re-offered
        Assert.DoesNotContain(otherPrison.Visits, a => a.Visit.VisitId == proposal.VisitId);
    }
}
