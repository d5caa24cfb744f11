using System.Net;
using Microsoft.AspNetCore.Identity;
using Visitation.Identity.Data;
using Microsoft.IdentityModel.JsonWebTokens;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Tests.SignIn;

/// <summary>The console's sign-in: password and TOTP, then authorization code with S256 PKCE; nothing less.</summary>
public sealed partial class CodeFlowTests(IdentityHost identity)
{
    [Fact]
    public async Task PasswordAndTotpThroughCodeWithPkceGiveAnAccessTokenForTheAccountAndARefreshToken()
    {
        var account = await identity.CreateStaffAsync(Roles.Reviewer, IdentityHost.CountyId);
        using var browser = new StaffBrowser(identity);

        var reply = await browser.SignInForTokensAsync(account);

        var token = new JsonWebToken(reply.GetProperty("access_token").GetString());
        Assert.Equal((Roles.Reviewer, IdentityHost.CountyId, "console"), (token.GetClaim("role").Value, token.GetClaim("org").Value, token.GetClaim("client_id").Value));
        Assert.Equal(["visitation-application"], token.Audiences);
        Assert.False(token.TryGetClaim("AspNet.Identity.SecurityStamp", out _), "the security stamp must not leave the identity service");
        Assert.False(string.IsNullOrEmpty(reply.GetProperty("refresh_token").GetString()));
    }

    [Fact]
    public async Task APasswordAloneGetsNoAuthorizationCode()
    {
        var account = await identity.CreateStaffAsync(Roles.Officer, "yongji-prison");
        using var browser = new StaffBrowser(identity);

        using var password = await browser.SubmitPasswordAsync(account);
        using var authorized = await browser.AuthorizeAsync();

        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        Assert.Null(StaffBrowser.CodeIn(authorized));
        Assert.StartsWith("https://localhost/account/login", authorized.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFirstSignInWithoutAnAuthenticatorIsSentToEnrolmentNotGivenACode()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId, enrolled: false);
        using var browser = new StaffBrowser(identity);

        using var password = await browser.SubmitPasswordAsync(account);
        using var authorized = await browser.AuthorizeAsync();
        var enrolment = await browser.GetStringAsync(authorized.Headers.Location!.OriginalString);

        Assert.Null(StaffBrowser.CodeIn(authorized));
        Assert.StartsWith("/account/enrol", authorized.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("绑定身份验证器", enrolment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFirstSignInEnrolsTheAuthenticatorAndThenGetsACode()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId, enrolled: false);
        using var browser = new StaffBrowser(identity);
        await browser.EnrolAsync(account);
        using var authorized = await browser.AuthorizeAsync();

        Assert.NotNull(StaffBrowser.CodeIn(authorized));
    }

    [Fact]
    public async Task AnAccountUnusedForNinetyDaysIsDisabledAtItsNextSignIn()
    {
        var account = await identity.CreateStaffAsync(Roles.Reviewer, IdentityHost.CountyId);
        await identity.InScopeAsync<UserManager<StaffUser>>(async users =>
        {
            var user = (await users.FindByNameAsync(account.UserName))!;
            user.LastActivityAt = identity.Clock.GetUtcNow().AddDays(-91);
            await users.UpdateAsync(user);
        });
        using var browser = new StaffBrowser(identity);

        using var refused = await browser.SubmitPasswordAsync(account);

        Assert.Contains("账号长期未使用已停用", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await identity.InScopeAsync<UserManager<StaffUser>>(async users => Assert.NotNull((await users.FindByNameAsync(account.UserName))!.DisabledAt));
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoTheRightOneNoLongerSignsIn()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await browser.SubmitPasswordAsync(account, password: "Wrong-password-1!");
        }

        using var right = await browser.SubmitPasswordAsync(account);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账号已锁定", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATotpCodeIsAcceptedOnlyOnce()
    {
        var account = await identity.CreateStaffAsync(Roles.Reviewer, IdentityHost.CountyId);
        var code = account.CurrentCode();
        using var first = new StaffBrowser(identity);
        using var second = new StaffBrowser(identity);
        using var firstPassword = await first.SubmitPasswordAsync(account);
        using var firstCode = await first.SubmitCodeAsync(code);

        using var secondPassword = await second.SubmitPasswordAsync(account);
        using var replay = await second.SubmitCodeAsync(code);

        Assert.Equal("/", firstCode.Headers.Location?.OriginalString);
        Assert.Contains("验证码错误", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("plain")]
    public async Task AuthorizeWithoutAnS256ChallengeIsRefused(string? method)
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);
        await browser.SignInAsync(account);

        using var authorized = await browser.AuthorizeAsync(method is null ? [] : new() { ["code_challenge"] = browser.Verifier, ["code_challenge_method"] = method });

        Assert.Null(StaffBrowser.CodeIn(authorized));
        Assert.Equal(HttpStatusCode.BadRequest, authorized.StatusCode);
    }
}
