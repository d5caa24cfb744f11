using System.Security.Claims;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Visitation.Application;
using Visitation.BureauReview;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.IntegrationTests.Security;

/// <summary>
/// Services that name the identity service as their authority accept its access tokens, for their own
/// audience only, and nothing else: not the test project's HS256 tokens, not an expired token even
/// when signed with the identity service's own key. The chain runs with its tokens.
/// </summary>
public sealed class IdentityAuthorityTests(VisitationSystem system, IdentityServiceHost identity) : IClassFixture<IdentityServiceHost>, IAsyncDisposable
{
    private readonly string _database = "it" + Guid.CreateVersion7().ToString("N")[..20] + "_prod_application";

    [Fact]
    public async Task AServiceInProductionAcceptsTheIdentityServicesTokenAndRefusesAnHs256Token()
    {
        await using var application = ApplicationInProduction();
        var issued = await identity.MachineTokenAsync(Roles.Clerk, Orgs.Office, "application");
        var hs256 = DevTokenIssuer.Issue("clerk-li", Roles.Clerk, Orgs.Office);

        var accepted = await new ApplicationService.ApplicationServiceClient(application.Channel(issued)).ListApplicationsAsync(new ListApplicationsRequest());
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await new ApplicationService.ApplicationServiceClient(application.Channel(hs256)).ListApplicationsAsync(new ListApplicationsRequest()));

        Assert.Empty(accepted.Applications);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task AServiceInProductionRefusesAnExpiredTokenSignedWithTheIdentityServicesKey()
    {
        await using var application = ApplicationInProduction();
        var now = TokenClock.Real.GetUtcNow().UtcDateTime;
        var current = SignedByIdentity(issuedAt: now.AddMinutes(-1));
        var expired = SignedByIdentity(issuedAt: now.AddMinutes(-20));

        var accepted = await new ApplicationService.ApplicationServiceClient(application.Channel(current)).ListApplicationsAsync(new ListApplicationsRequest());
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await new ApplicationService.ApplicationServiceClient(application.Channel(expired)).ListApplicationsAsync(new ListApplicationsRequest()));

        Assert.Empty(accepted.Applications);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task SubmitAndBureauApprovalRunWithTokensFromTheIdentityServiceEachForItsOwnService()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        await using var application = new ServiceTrustingIdentity<ApplicationGrpcService>("Testing", system.SettingsOf("application"), identity, system.Clock);
        await using var bureau = new ServiceTrustingIdentity<BureauReviewGrpcService>("Testing", system.SettingsOf("bureau_review"), identity, system.Clock);
        var clerkToken = await identity.MachineTokenAsync(Roles.Clerk, Orgs.Office, "application");
        var reviewerToken = await identity.MachineTokenAsync(Roles.Reviewer, Orgs.County, "bureau-review");
        var clerk = new ApplicationService.ApplicationServiceClient(application.Channel(clerkToken));
        var reviewer = new BureauReviewService.BureauReviewServiceClient(bureau.Channel(reviewerToken));

        var id = (await clerk.SubmitApplicationAsync(new Family(system.Clock).Application("孙有福"))).ApplicationId;
        await Eventually.Until(() => reviewer.AllPendingReviewsAsync(), tasks => tasks.Any(t => t.ApplicationId == id), $"review task of {id}");
        var decision = await reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id });
        var clerkAtTheBureau = await Assert.ThrowsAsync<RpcException>(async () =>
            await new BureauReviewService.BureauReviewServiceClient(bureau.Channel(clerkToken)).ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id }));

        Assert.True(decision.Approved);
        Assert.Equal(StatusCode.Unauthenticated, clerkAtTheBureau.StatusCode);
    }

    [Fact]
    public async Task ADecisionMadeWithAnIdentityServiceTokenIsAuditedWithTheMachineClientAndTheTokensSubject()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        await using var application = new ServiceTrustingIdentity<ApplicationGrpcService>("Testing", system.SettingsOf("application"), identity, system.Clock);
        var (clientId, token) = await identity.MachineClientAsync(Roles.Clerk, Orgs.Office, "application");
        var clerk = new ApplicationService.ApplicationServiceClient(application.Channel(token));

        var id = (await clerk.SubmitApplicationAsync(new Family(system.Clock).Application("孙有福"))).ApplicationId;

        var row = Assert.Single(await AuditRows.OfAsync(system.Databases["application"], nameof(AuditEvent.ApplicationSubmitted), id));
        Assert.Equal((clientId, new JsonWebToken(token).Subject), (row.ActorClientId, row.ActorUserId));
        Assert.Equal((Roles.Clerk, Orgs.Office), (row.ActorRole, row.ActorOrganisation));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(system.Databases["application"]) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The application service as production runs it, on a database of its own and a broker it never reaches.</summary>
    private ServiceTrustingIdentity<ApplicationGrpcService> ApplicationInProduction() => new("Production", new Dictionary<string, string>
    {
        ["ConnectionStrings:Database"] = new NpgsqlConnectionStringBuilder(system.Databases["application"]) { Database = _database }.ConnectionString,
        ["ConnectionStrings:RabbitMq"] = BusStartup.UnreachableBroker,
    }, identity);

    /// <summary>An access token as the identity service makes them (its key, issuer, type and claims), living 15 minutes from <paramref name="issuedAt"/>.</summary>
    private string SignedByIdentity(DateTime issuedAt) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = IdentityServiceHost.Issuer,
        Audience = "visitation-application",
        TokenType = "at+jwt",
        IssuedAt = issuedAt,
        NotBefore = issuedAt,
        Expires = issuedAt.AddMinutes(15),
        Subject = new ClaimsIdentity([new Claim(CallerClaims.Subject, "clerk-li"), new Claim(CallerClaims.Role, Roles.Clerk), new Claim(CallerClaims.Organisation, Orgs.Office)]),
        SigningCredentials = new X509SigningCredentials(identity.SigningKey),
    });
}
