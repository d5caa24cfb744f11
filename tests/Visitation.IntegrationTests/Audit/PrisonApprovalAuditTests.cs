using System.Globalization;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Audit;

/// <summary>
/// The prison's register changes on the running chain, each audited once with the person who made
/// it; an application an inmate's change refuses is the rules' consequence, written as the system's
/// with its reason code beside the officer's row.
/// </summary>
public sealed class PrisonApprovalAuditTests(VisitationSystem system)
{
    private const string Service = "prison_approval";
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task EachChangeToAnInmateWritesOneRowWithWhoMadeItAndTheApplicationItRefusesOneSystemRow()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "审计册" + family.Phone[^4..];
        var number = family.InmateNumber;
        await _chain.ImportInmateAsync(number, inmate, "3");
        var request = family.Application(inmate);
        var pending = await _chain.DriveToPrisonTaskAsync(request);
        var today = system.Clock.ChinaToday;

        var left = await _chain.Officer.RecordDepartureAsync(new RecordDepartureRequest { InmateNumber = number, Kind = DepartureKind.Transferred, On = Day(today), TransferredTo = "晋中监狱" });
        await _chain.Officer.RecordDepartureAsync(new RecordDepartureRequest { InmateNumber = number, Kind = DepartureKind.Returned, On = left.LeftOn });
        var confined = await _chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = number,
            Status = new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(today), To = Day(today.AddDays(3)), Reason = "违反监规" },
        });
        var status = Assert.Single(confined.Statuses, s => s.Kind == InmateStatusKind.Confinement);
        await _chain.Officer.EndInmateStatusAsync(new EndInmateStatusRequest { InmateNumber = number, StatusId = status.StatusId, LastDay = Day(today) });
        var onSite = new RecordOnSiteVisitRequest { RequestId = Guid.NewGuid().ToString(), InmateNumber = number, Date = Day(today), OverrideReason = "现场会见日调整" };
        await _chain.Officer.RecordOnSiteVisitAsync(onSite);
        await _chain.Officer.RecordOnSiteVisitAsync(onSite); // a retried call records nothing new
        await _chain.Director.RecordSpecialApprovalAsync(new RecordSpecialApprovalRequest
        {
            InmateNumber = number, Kind = SpecialApprovalKind.ExtraVisit, Month = request.VisitMonth, ApprovedBy = { SpecialApprovalLevel.PrisonArea }, Signatories = "监区长 刘", Reason = "父亲病危",
        });

        var inmateId = await AuditRows.InmateIdAsync(system.Databases[Service], number);
        var departures = await AuditRows.OfAsync(system.Databases[Service], "InmateDepartureRecorded", inmateId);
        Assert.Equal([("officer-sun", "Transferred"), ("officer-sun", "InCustody")], departures.Select(row => (row.ActorUserId, row.Outcome)));
        var refused = await AuditRows.SingleAsync(system, Service, "ApprovalRejected", pending, AuditedActor.System);
        Assert.Equal(("INMATE_TRANSFERRED", "rejected"), (refused.ReasonCode, refused.Outcome));
        await AuditRows.SingleAsync(system, Service, "InmateStatusSet", inmateId, AuditedActor.Officer);
        await AuditRows.SingleAsync(system, Service, "InmateStatusEnded", status.StatusId, AuditedActor.Officer);
        await AuditRows.SingleAsync(system, Service, "OnSiteVisitRecorded", inmateId, AuditedActor.Officer);
        var special = await AuditRows.SingleAsync(system, Service, "SpecialApprovalRecorded", inmateId, AuditedActor.Director);
        Assert.Equal("extra_visit", special.ReasonCode);
        var rows = (await AuditRows.AllAsync(system.Databases[Service])).Where(row => row.RecordId == inmateId || row.RecordId == pending || row.RecordId == status.StatusId);
        AuditRows.AssertNoPersonalData(rows, inmate, number, "晋中监狱", "违反监规", "监区长", "父亲病危", request.Visitors[0].IdNumber);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
