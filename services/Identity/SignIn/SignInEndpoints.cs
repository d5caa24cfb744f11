using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OtpNet;
using Visitation.Identity.Accounts;
using Visitation.Identity.Data;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.SignIn;

/// <summary>
/// The server-rendered sign-in: password (lockout after repeated failures), then the authenticator
/// code, or on a first sign-in the enrolment of an authenticator. Each step returns to the address
/// it was given (the authorize request that sent the person here). Every outcome writes one audit row
/// (docs/identity.md, "Audit"): with the change it causes when there is one, else on its own.
/// </summary>
internal static class SignInEndpoints
{
    private const string Wrong = "用户名或密码错误";
    private const string LockedOut = "登录失败次数过多，账号已锁定，请稍后再试";

    public static void MapSignIn(this WebApplication app)
    {
        app.MapGet("/account/login", (HttpContext http, string? returnUrl) => LoginForm(http, returnUrl, null));
        app.MapPost("/account/login", LoginAsync);
        app.MapGet("/account/totp", (HttpContext http, string? returnUrl) => TotpForm(http, returnUrl, null));
        app.MapPost("/account/totp", TotpAsync);
        app.MapGet("/account/enrol", EnrolFormAsync);
        app.MapPost("/account/enrol", EnrolAsync);
    }

    private static IResult LoginForm(HttpContext http, string? returnUrl, string? message) =>
        Page.Form(http, "登录", "/account/login", Page.LocalOrRoot(returnUrl), message,
            """<label>用户名 <input name="UserName" autocomplete="username"></label> <label>密码 <input name="Password" type="password" autocomplete="current-password"></label>""");

    private static IResult TotpForm(HttpContext http, string? returnUrl, string? message) =>
        Page.Form(http, "动态验证码", "/account/totp", Page.LocalOrRoot(returnUrl), message,
            """<label>身份验证器上的6位验证码 <input name="Code" inputmode="numeric" autocomplete="one-time-code"></label>""");

    private static async Task<IResult> LoginAsync(
        HttpContext http, [FromForm] LoginInput input, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AccountStanding standing, IdentityDb db)
    {
        var returnUrl = Page.LocalOrRoot(input.ReturnUrl);
        var user = await users.FindByNameAsync(input.UserName ?? string.Empty);
        if (user is null)
        {
            db.Audit(AccountAudit.UnknownAccount, AuditEvent.SignInFailed, AccountAudit.NoAccount, outcome: "unknown_account");
            await db.SaveChangesAsync(http.RequestAborted);
            return LoginForm(http, returnUrl, Wrong);
        }

        if (await standing.RefusalAsync(user) is { } refusal)
        {
            await FailedAsync(db, user, "account_disabled", http.RequestAborted);
            return LoginForm(http, returnUrl, refusal);
        }

        var result = await signIn.PasswordSignInAsync(user, input.Password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return Results.Redirect("/account/totp?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        if (result.Succeeded)
        {
            // Not enrolled yet: the authorize endpoint sends a password-only session to enrolment.
            db.Audit(user.AsAuditActor(), AuditEvent.SignInSucceeded, user.Audited(), outcome: "password_only");
            await standing.TouchAsync(user);
            return Results.Redirect(returnUrl);
        }

        // The failure that reached the limit wrote AccountLockedOut with the lockout (IdentityDb): not a second row.
        if (!JustLockedOut(db))
        {
            await FailedAsync(db, user, result.IsLockedOut ? "locked_out" : "wrong_password", http.RequestAborted);
        }

        return LoginForm(http, returnUrl, result.IsLockedOut ? LockedOut : Wrong);
    }

    private static async Task FailedAsync(IdentityDb db, StaffUser user, string outcome, CancellationToken ct)
    {
        db.Audit(user.AsAuditActor(), AuditEvent.SignInFailed, user.Audited(), outcome: outcome);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<IResult> TotpAsync(
        HttpContext http, [FromForm] CodeInput input, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AccountStanding standing, IdentityDb db)
    {
        var returnUrl = Page.LocalOrRoot(input.ReturnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Results.Redirect("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var code = (input.Code ?? string.Empty).Trim();
        var step = TotpStep(await users.GetAuthenticatorKeyAsync(user), code);
        if (step is null || step <= user.LastTotpStep)
        {
            // A code seen before is refused like a wrong one (Identity's provider alone would accept a replay); it counts toward lockout.
            await users.AccessFailedAsync(user);
            if (!JustLockedOut(db))
            {
                await FailedAsync(db, user, "wrong_code", http.RequestAborted);
            }

            return TotpForm(http, returnUrl, await users.IsLockedOutAsync(user) ? LockedOut : "验证码错误");
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (!result.Succeeded)
        {
            if (!JustLockedOut(db))
            {
                await FailedAsync(db, user, result.IsLockedOut ? "locked_out" : "wrong_code", http.RequestAborted);
            }

            return TotpForm(http, returnUrl, result.IsLockedOut ? LockedOut : "验证码错误");
        }

        user.LastTotpStep = step.Value;
        db.Audit(user.AsAuditActor(), AuditEvent.SignInSucceeded, user.Audited(), outcome: "mfa");
        await standing.TouchAsync(user);
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> EnrolFormAsync(HttpContext http, string? returnUrl, UserManager<StaffUser> users, SignInManager<StaffUser> signIn)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect("/account/login?ReturnUrl=" + Uri.EscapeDataString(Page.LocalOrRoot(returnUrl)));
        }

        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // The reset renewed the security stamp: reissue the cookie or the next check would sign the person out.
            await signIn.RefreshSignInAsync(user);
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        var uri = $"otpauth://totp/Visitation:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=Visitation";
        return Page.Form(http, "绑定身份验证器", "/account/enrol", Page.LocalOrRoot(returnUrl), null,
            """<label>身份验证器上的6位验证码 <input name="Code" inputmode="numeric" autocomplete="one-time-code"></label>""",
            $"<p>在身份验证器中添加此密钥：<code>{Page.Encode(key!)}</code></p><p><code>{Page.Encode(uri)}</code></p>");
    }

    private static async Task<IResult> EnrolAsync(HttpContext http, [FromForm] CodeInput input, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IdentityDb db)
    {
        var returnUrl = Page.LocalOrRoot(input.ReturnUrl);
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return Results.Redirect("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        var code = (input.Code ?? string.Empty).Trim();
        var step = TotpStep(await users.GetAuthenticatorKeyAsync(user), code);
        if (step is null || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return Results.Redirect("/account/enrol?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        }

        user.LastTotpStep = step.Value;
        db.Audit(user.AsAuditActor(), AuditEvent.FactorEnrolled, user.Audited(), outcome: "totp");
        await users.SetTwoFactorEnabledAsync(user, true);
        // The second factor is proven now: the session carries amr=mfa, as after a TOTP sign-in.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim("amr", Connect.AuthorizeEndpoint.MultiFactor)]);
        return Results.Redirect(returnUrl);
    }

    /// <summary>Whether the attempt just handled locked the account (its row is written already).</summary>
    private static bool JustLockedOut(IdentityDb db) => db.LockedOutInThisScope;

    /// <summary>The 30-second step a code matches (one step of drift either way), or null.</summary>
    private static long? TotpStep(string? key, string code)
    {
        if (key is null || code.Length != 6)
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(code, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    internal sealed record LoginInput(string? UserName, string? Password, string? ReturnUrl);

    internal sealed record CodeInput(string? Code, string? ReturnUrl);
}
