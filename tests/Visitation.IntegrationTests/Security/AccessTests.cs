using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Security;

/// <summary>Callers see and act only within their own organisation; no token, no call.</summary>
public sealed class AccessTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task CallWithoutATokenIsUnauthenticated()
    {
        var anonymous = system.Applications(token: null);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await anonymous.ListApplicationsAsync(new ListApplicationsRequest()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task TokenFromAnotherIssuerIsUnauthenticated()
    {
        var forged = DevTokenIssuer.Issue("mallory", Roles.Clerk, Orgs.Office, new AuthOptions { SigningKey = "a-completely-different-signing-key-of-enough-length" });

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await system.Applications(forged).ListApplicationsAsync(new ListApplicationsRequest()));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task TokensAreCheckedByTheRealClockWhereverTheServicesClockStands()
    {
        // The services' clock stands months from the real date (see TestDates); tokens are stamped
        // and checked by the real clock, so a token's lifetime means the same in a test or training run.
        system.Clock.StartAt(TestDates.ApplicationDay);
        var real = TimeProvider.System.GetUtcNow();
        var current = DevTokenIssuer.Issue("clerk-li", Roles.Clerk, Orgs.Office);
        var expired = DevTokenIssuer.Issue("clerk-li", Roles.Clerk, Orgs.Office, realClock: new FakeTimeProvider(real.AddHours(-9)));
        var notYetValid = DevTokenIssuer.Issue("clerk-li", Roles.Clerk, Orgs.Office, realClock: new FakeTimeProvider(real.AddHours(1)));

        var accepted = await system.Applications(current).ListApplicationsAsync(new ListApplicationsRequest());
        var late = await Assert.ThrowsAsync<RpcException>(async () => await system.Applications(expired).ListApplicationsAsync(new ListApplicationsRequest()));
        var early = await Assert.ThrowsAsync<RpcException>(async () => await system.Applications(notYetValid).ListApplicationsAsync(new ListApplicationsRequest()));

        Assert.NotNull(accepted);
        Assert.Equal((StatusCode.Unauthenticated, StatusCode.Unauthenticated), (late.StatusCode, early.StatusCode));
    }

    [Fact]
    public async Task AnotherOfficesOrCountysApplicationIsAnsweredAsAnUnknownOneAndListedNowhere()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var id = await _chain.SubmitAsync(new Family(system.Clock).Application("赵铁柱"));
        await _chain.WaitForBureauTaskAsync(id);
        var unknownId = Guid.NewGuid().ToString();
        var otherClerk = system.Applications(VisitationSystem.Token(Roles.Clerk, Orgs.OtherOffice));
        var otherReviewer = system.BureauReview(VisitationSystem.Token(Roles.Reviewer, Orgs.OtherCounty));

        var read = await Assert.ThrowsAsync<RpcException>(async () =>
            await otherClerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id }));
        var readUnknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await otherClerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = unknownId }));
        var approve = await Assert.ThrowsAsync<RpcException>(async () =>
            await otherReviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id }));

        Assert.Equal(StatusCode.NotFound, read.StatusCode);
        Assert.Equal(readUnknown.Status.Detail.Replace(unknownId, id, StringComparison.Ordinal), read.Status.Detail);
        Assert.Equal(StatusCode.NotFound, approve.StatusCode);
        Assert.DoesNotContain(await otherReviewer.AllPendingReviewsAsync(), t => t.ApplicationId == id);
        Assert.DoesNotContain(await otherClerk.AllApplicationsAsync(), a => a.ApplicationId == id);
        Assert.Contains(await _chain.Reviewer.AllPendingReviewsAsync(), t => t.ApplicationId == id);
    }

    [Fact]
    public async Task WrongRoleIsRefused()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var reviewerAsClerk = system.Applications(VisitationSystem.Token(Roles.Reviewer, Orgs.County));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await reviewerAsClerk.SubmitApplicationAsync(new Family(system.Clock).Application("钱多多")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
