using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Infrastructure;
using static Visitation.IntegrationTests.Security.AccessRecords;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// An on-site visit entered by hand on a day that is not the area's on-site day, or in a month a booked video visit
/// already draws on, needs the officer's reason; without one nothing is written (issue 14).
/// </summary>
public sealed class OnSiteOverrideTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AnOnSiteVisitOffTheAreasDayIsRefusedWithoutAReasonWritingNothingAndEnteredWithOne()
    {
        // 2 February 2026; area 3 meets on site on the second Sunday, 8 February.
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        await _chain.ImportInmateAsync(family.InmateNumber, "现场例外" + family.Phone[^4..], "3");
        var today = system.Clock.ChinaToday;
        var request = new RecordOnSiteVisitRequest { RequestId = Guid.NewGuid().ToString(), InmateNumber = family.InmateNumber, Date = Day(today) };

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Officer.RecordOnSiteVisitAsync(request));
        var untouched = await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber });
        request.RequestId = Guid.NewGuid().ToString();
        request.OverrideReason = "家属远道而来，监区同意";
        var entered = await _chain.Officer.RecordOnSiteVisitAsync(request);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violation = Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal(("override_reason", "NOT_ON_SITE_DAY"), (violation.Field, violation.Reason));
        Assert.Contains("2月2日不是本监区的现场会见日（本月为2月8日）", violation.Description, StringComparison.Ordinal);
        Assert.Empty(untouched.QuotaEntries);
        Assert.Equal("家属远道而来，监区同意", Assert.Single(entered.QuotaEntries).OverrideReason);
    }

    [Fact]
    public async Task OnTheAreasOwnDayWithNothingBookedNoReasonIsAsked()
    {
        // Area 2 meets on site on the Monday after the first Sunday: 2 February 2026, today.
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        await _chain.ImportInmateAsync(family.InmateNumber, "现场当日" + family.Phone[^4..], "2");

        var entered = await _chain.Officer.RecordOnSiteVisitAsync(new RecordOnSiteVisitRequest
        {
            RequestId = Guid.NewGuid().ToString(), InmateNumber = family.InmateNumber, Date = Day(system.Clock.ChinaToday),
        });

        Assert.Equal(string.Empty, Assert.Single(entered.QuotaEntries).OverrideReason);
    }

    [Fact]
    public async Task AMonthWithABookedVideoVisitAsksForAReasonEvenOnTheOnSiteDay()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "视频已约" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "2");
        var application = family.Application(inmate, area: "2");
        application.VisitMonth = "2026-02";
        var id = await _chain.DriveToPrisonTaskAsync(application);
        var approved = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
        Assert.True(approved.Approved, approved.Reason);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Officer.RecordOnSiteVisitAsync(new RecordOnSiteVisitRequest
        {
            RequestId = Guid.NewGuid().ToString(), InmateNumber = family.InmateNumber, Date = Day(system.Clock.ChinaToday),
        }));

        var violation = Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal(("override_reason", "VIDEO_VISIT_BOOKED"), (violation.Field, violation.Reason));
        Assert.Contains("本月已有1次预约的视频会见", violation.Description, StringComparison.Ordinal);
    }
}
