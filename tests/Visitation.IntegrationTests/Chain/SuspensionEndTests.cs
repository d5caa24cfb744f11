using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Rules.Sms;
using static Visitation.IntegrationTests.Security.AccessRecords;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// A suspension that ends inside the month cancels the visit it covers and offers a day after it, where the month
/// still has one; one without an end cancels without an offer (issue 14).
/// </summary>
public sealed class SuspensionEndTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AConfinementEndingBeforeTheMonthsLastVisitDayCancelsTheBookedDayAndOffersOneAfterIt()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "短期禁闭" + family.Phone[^4..];
        // Area 6 meets on the 6th, 16th and 26th: the first proposal is 6 March.
        var (id, proposal) = await _chain.DriveToProposalAsync(family, inmate, area: "6");
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        var booked = DateOnly.ParseExact(visit.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Ten days of confinement over the booked day, ending before the next visit day.
        await _chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = family.InmateNumber,
            Status = new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(booked.AddDays(-2)), To = Day(booked.AddDays(7)), Reason = "违反监规" },
        });

        var cancelled = await Eventually.Until(async () => await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId }),
            v => v.Status == VisitStatus.Cancelled, "the booked visit inside the confinement to be cancelled");
        var offered = await _chain.WaitForProposalAsync(id);
        var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count >= 3, "the cancellation SMS");

        Assert.Equal("SUSPENDED_CONFINEMENT", cancelled.OutcomeReasonCode);
        Assert.NotEqual(visit.VisitId, offered.VisitId);
        Assert.Equal(Day(booked.AddDays(10)), offered.Date); // the 16th: the first area day after the confinement
        Assert.Contains("原因：" + SmsReasons.ConditionsNotMet, sms[2].Text, StringComparison.Ordinal);
        Assert.Contains("新的会见时间确定后将另行短信通知", sms[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("禁闭", sms[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConfinementWithoutAnEndCancelsWithoutAnOffer()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "长期禁闭" + family.Phone[^4..], area: "6");
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        var booked = DateOnly.ParseExact(visit.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await _chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest
        {
            InmateNumber = family.InmateNumber,
            Status = new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(booked.AddDays(-2)), Reason = "违反监规" },
        });

        await Eventually.Until(async () => await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId }),
            v => v.Status == VisitStatus.Cancelled, "the booked visit to be cancelled");
        var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count >= 3, "the cancellation SMS");

        Assert.DoesNotContain("新的会见时间", sms[2].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _chain.VisitCentre.AllProposalsAsync(), v => v.ApplicationId == id);
    }
}
