using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Events;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;
using Visitation.Rules.Sms;
using static Visitation.IntegrationTests.Security.AccessRecords;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// The officer moves an inmate to another area of the prison: a booked visit on a day the new area does not have is
/// moved to the new area's nearest day in the month, the family told of the change and then of the new time; one on a
/// day the new area also has stays where it is, and the family hears nothing (that move the register import's); an
/// area the prison does not have is refused and the refusal recorded (issue 14, docs/reoffer-and-moves.md).
/// </summary>
public sealed class InmateAreaMoveTests(VisitationSystem system)
{
    private const string Service = "prison_approval";
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task ABookedVisitOnADayTheNewAreaDoesNotHaveMovesToItsNearestDayAndTheFamilyIsToldTheNewTime()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        // Area 6 meets on the 6th, 16th and 26th; area 7 on the 7th, 17th and 27th. Which of area 6's days is
        // booked depends on what other tests left free; the new area's nearest day is the one after it.
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "调监区" + family.Phone[^4..], area: "6");
        var booked = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        Assert.Contains(booked.Date, new[] { "2026-03-06", "2026-03-16", "2026-03-26" });
        var nextDay = DateOnly.ParseExact(booked.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var moved = await _chain.Officer.MoveInmateAreaAsync(new MoveInmateAreaRequest { InmateNumber = family.InmateNumber, PrisonArea = "7" });

        Assert.Equal("7", moved.PrisonArea);
        var cancelled = await Eventually.Until(async () => await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = booked.VisitId }),
            v => v.Status == VisitStatus.Cancelled, "the visit on the old area's day to be cancelled");
        Assert.Equal("AREA_CHANGED", cancelled.OutcomeReasonCode);
        var offered = await _chain.WaitForProposalAsync(id);
        Assert.Equal(nextDay, offered.Date); // the new area's day nearest the old one
        Assert.Equal("7", offered.PrisonArea);
        await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = offered.VisitId });
        var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count >= 4, "the change and the new time");
        Assert.Contains("原因：" + SmsReasons.Arrangements, sms[2].Text, StringComparison.Ordinal);
        Assert.Contains("新的会见时间确定后将另行短信通知", sms[2].Text, StringComparison.Ordinal);
        Assert.Contains(TestDates.InSms(offered.Date), sms[3].Text, StringComparison.Ordinal);
        var inmateId = await AuditRows.InmateIdAsync(system.Databases[Service], family.InmateNumber);
        await AuditRows.SingleAsync(system, Service, "InmateAreaMoved", inmateId, AuditedActor.Officer);
    }

    [Fact]
    public async Task ABookedVisitOnADayTheNewAreaAlsoHasStaysAtItsSlotAndTheFamilyIsToldNothing()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        // The test run's prison whose area 12 meets on area 6's days (the 6th, 16th and 26th): no two Yongji areas share one.
        var chain = new ChainDriver(system, prison: Orgs.SharedDaysPrison);
        var inmate = "同日调监区" + family.Phone[^4..];
        var (id, proposal) = await chain.DriveToProposalAsync(family, inmate, area: "6", amend: request => request.Inmate.PrisonId = Orgs.SharedDaysPrison);
        var booked = await chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count >= 2, "the booked time's SMS");

        // This time the move comes from the prison's own register, imported again with the inmate in area 12: the import
        // announces it as the officer's move does.
        await chain.ImportInmateAsync(family.InmateNumber, inmate, "12");

        Assert.Equal("12", (await chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber })).PrisonArea);
        var kept = await Eventually.Until(async () => await chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = booked.VisitId }),
            v => v.PrisonArea == "12", "the visit to follow the inmate into area 12");
        Assert.Equal((VisitStatus.Scheduled, booked.Date, booked.StartTime, booked.PrisonTerminal), (kept.Status, kept.Date, kept.StartTime, kept.PrisonTerminal));
        // The visit's new area and anything the family would hear of commit in one transaction: neither a cancellation
        // nor a new proposal was made, so no SMS of a change can follow.
        Assert.Empty(await OutboxRows.MessageIdsAsync(system.Databases["scheduling"], nameof(VisitCancelled), [id]));
        Assert.DoesNotContain(await chain.VisitCentre.AllProposalsAsync(), v => v.ApplicationId == id);
        Assert.Equal(2, (await system.SmsTo(family.Phone)).Count);
        var audited = await AuditRows.SingleAsync(system, "scheduling", "VisitMoved", booked.VisitId, AuditedActor.System);
        Assert.Equal(("AREA_CHANGED", "same_day"), (audited.ReasonCode, audited.Outcome));
    }

    [Fact]
    public async Task AnAreaThePrisonDoesNotHaveIsRefusedAndRecordedAndAnEmptyOneIsAFieldViolation()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        await _chain.ImportInmateAsync(family.InmateNumber, "未知监区" + family.Phone[^4..], "3");

        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.Officer.MoveInmateAreaAsync(new MoveInmateAreaRequest { InmateNumber = family.InmateNumber, PrisonArea = "99" }));
        var empty = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.Officer.MoveInmateAreaAsync(new MoveInmateAreaRequest { InmateNumber = family.InmateNumber, PrisonArea = " " }));

        Assert.Equal(StatusCode.FailedPrecondition, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
        Assert.Equal("prison_area", Assert.Single(empty.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        var inmate = await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber });
        Assert.Equal("3", inmate.PrisonArea);
        var inmateId = await AuditRows.InmateIdAsync(system.Databases[Service], family.InmateNumber);
        var refused = await AuditRows.SingleAsync(system, Service, "InmateAreaMoved", inmateId, AuditedActor.Officer);
        Assert.Equal(("UNKNOWN_AREA", "refused"), (refused.ReasonCode, refused.Outcome));
    }
}
