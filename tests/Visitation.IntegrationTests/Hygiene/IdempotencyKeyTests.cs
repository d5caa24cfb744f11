using System.Globalization;
using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;

namespace Visitation.IntegrationTests.Hygiene;

/// <summary>
/// An idempotency key is bound to its request: a retry of the same request answers with the first
/// result; the same key with another body (or an empty one) is ALREADY_EXISTS and files nothing.
/// </summary>
public sealed class IdempotencyKeyTests(VisitationSystem system)
{
    [Fact]
    public async Task TheSameRequestIdWithAnotherBodyIsAlreadyExistsAndFilesNothing()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var chain = new ChainDriver(system);
        var family = new Family(system.Clock);
        var request = family.Application("幂等" + family.Phone[^4..]);
        var changed = request.Clone();
        changed.Inmate.Name = "另一人" + family.Phone[^4..];

        var first = await chain.Clerk.SubmitApplicationAsync(request);
        var retry = await chain.Clerk.SubmitApplicationAsync(request.Clone());
        var other = await Assert.ThrowsAsync<RpcException>(async () => await chain.Clerk.SubmitApplicationAsync(changed));
        var empty = await Assert.ThrowsAsync<RpcException>(async () => await chain.Clerk.SubmitApplicationAsync(new SubmitApplicationRequest { RequestId = request.RequestId }));

        Assert.Equal(first.ApplicationId, retry.ApplicationId);
        Assert.Equal(StatusCode.AlreadyExists, other.StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, empty.StatusCode);
        Assert.Equal(1, await OutboxRows.ApplicationsWithRequestIdAsync(system.Databases["application"], request.RequestId));
        var filed = await chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = first.ApplicationId });
        Assert.Equal(request.Inmate.Name, filed.Inmate.Name);
    }

    [Fact]
    public async Task TheSameOnSiteVisitRequestIdForAnotherDayOrInmateIsAlreadyExistsAndCountsOnce()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var chain = new ChainDriver(system);
        var family = new Family(system.Clock);
        var otherFamily = new Family(system.Clock);
        await chain.ImportInmateAsync(family.InmateNumber, "现场幂等" + family.Phone[^4..], "3");
        await chain.ImportInmateAsync(otherFamily.InmateNumber, "现场他人" + otherFamily.Phone[^4..], "3");
        var today = system.Clock.ChinaToday;
        var request = new RecordOnSiteVisitRequest { RequestId = Guid.NewGuid().ToString(), InmateNumber = family.InmateNumber, Date = Day(today), OverrideReason = "现场会见日调整" };

        var first = await chain.Officer.RecordOnSiteVisitAsync(request);
        var retry = await chain.Officer.RecordOnSiteVisitAsync(request.Clone());
        var otherDay = await Assert.ThrowsAsync<RpcException>(async () => await chain.Officer.RecordOnSiteVisitAsync(
            new RecordOnSiteVisitRequest { RequestId = request.RequestId, InmateNumber = family.InmateNumber, Date = Day(today.AddDays(-1)) }));
        var otherInmate = await Assert.ThrowsAsync<RpcException>(async () => await chain.Officer.RecordOnSiteVisitAsync(
            new RecordOnSiteVisitRequest { RequestId = request.RequestId, InmateNumber = otherFamily.InmateNumber, Date = Day(today) }));
        var untouched = await chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = otherFamily.InmateNumber });

        Assert.Equal(1, first.QuotaUsed);
        Assert.Equal(1, retry.QuotaUsed);
        Assert.Equal(StatusCode.AlreadyExists, otherDay.StatusCode);
        Assert.Equal(StatusCode.AlreadyExists, otherInmate.StatusCode);
        Assert.Equal(0, untouched.QuotaUsed);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
