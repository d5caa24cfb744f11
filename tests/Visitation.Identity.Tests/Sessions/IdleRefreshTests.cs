using System.Net;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Tests.Sessions;

/// <summary>
/// Tests that move the identity host's clock forward. The clock is the whole run's, so they run in a
/// collection of their own, after and apart from every parallel test (a session another test holds
/// would otherwise go idle under it).
/// </summary>
[CollectionDefinition(nameof(MovesTheClock), DisableParallelization = true)]
public sealed class MovesTheClock;

/// <summary>A refresh token unused for longer than the idle limit (30 minutes) is refused, though its session (8 h) has not ended.</summary>
[Collection(nameof(MovesTheClock))]
public sealed class IdleRefreshTests(IdentityHost identity)
{
    [Fact]
    public async Task ARefreshTokenUnusedForLongerThanTheIdleLimitIsRefused()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);
        var tokens = await browser.SignInForTokensAsync(account);
        var (fresh, refreshed) = await browser.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, fresh);

        identity.Clock.Advance(TimeSpan.FromMinutes(31));
        var (status, reply) = await browser.RefreshAsync(refreshed.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", reply.GetProperty("error").GetString());
        Assert.Contains("空闲", reply.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }
}
