using Visitation.Identity.Accounts;
using System.Net;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Tests.Sessions;

/// <summary>
/// Refresh tokens roll (each use returns a new one) and die with the session: at sign-out, and when an
/// administrator changes the person's role, disables the account or resets the password.
/// </summary>
public sealed class RefreshTests(IdentityHost identity)
{
    public enum SessionEnd { SignOut, RoleChange, Disable, PasswordReset }

    [Fact]
    public async Task ARefreshTokenGivesNewTokensAndIsReplacedByANewOne()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);
        var tokens = await browser.SignInForTokensAsync(account);
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;

        var (status, refreshed) = await browser.RefreshAsync(refreshToken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(refreshToken, refreshed.GetProperty("refresh_token").GetString());
        Assert.False(string.IsNullOrEmpty(refreshed.GetProperty("access_token").GetString()));
    }

    [Theory]
    [InlineData(SessionEnd.SignOut)]
    [InlineData(SessionEnd.RoleChange)]
    [InlineData(SessionEnd.Disable)]
    [InlineData(SessionEnd.PasswordReset)]
    public async Task RefreshIsRefusedOnceTheSessionEnded(SessionEnd end)
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);
        var tokens = await browser.SignInForTokensAsync(account);

        await EndAsync(end, browser, account);
        var (status, reply) = await browser.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", reply.GetProperty("error").GetString());
    }

    private Task EndAsync(SessionEnd end, StaffBrowser browser, StaffAccount account) => end switch
    {
        SessionEnd.SignOut => browser.SignOutAsync(),
        SessionEnd.RoleChange => identity.AdministerAsync(account.UserName, (admin, user) => admin.ChangeRoleAsync(user, Roles.Reviewer)),
        SessionEnd.Disable => identity.AdministerAsync(account.UserName, (admin, user) => admin.DisableAsync(user)),
        _ => identity.AdministerAsync(account.UserName, (admin, user) => admin.ResetPasswordAsync(user, InitialPassword.New())),
    };
}
