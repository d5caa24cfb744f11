using Visitation.Identity.Accounts;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.Messaging.Audit;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.Tests.Audit;

/// <summary>
/// The identity service audits sign-ins and account changes in its own hash-chained audit: one row per
/// step, naming the account by its id (never the user name), the actor who took the step, and nothing
/// typed (password, code, key). The chain verifies afterwards.
/// </summary>
public sealed class IdentityAuditTests(IdentityHost identity)
{
    private static readonly AuditActor SystemAdministrator = new("admin-wang", Roles.SystemAdministrator, IdentityHost.CountyId);

    [Fact]
    public async Task ASuccessfulSignInWritesOneSignInSucceededRowWithTheAccountAsItsActor()
    {
        var account = await identity.CreateStaffAsync(Roles.Reviewer, IdentityHost.CountyId);
        using var browser = new StaffBrowser(identity);

        await browser.SignInAsync(account);

        var row = await SingleAsync(account, AuditEvent.SignInSucceeded);
        AssertActorIsTheAccount(row, await identity.AccountIdAsync(account.UserName), Roles.Reviewer, IdentityHost.CountyId);
        Assert.Equal("mfa", row.Outcome);
        await AssertNothingTypedIsKeptAsync(account);
    }

    [Fact]
    public async Task AWrongPasswordWritesOneSignInFailedRowAndNoSuccess()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);

        using var refused = await browser.SubmitPasswordAsync(account, "Wrong-password-1!");

        var row = await SingleAsync(account, AuditEvent.SignInFailed);
        AssertActorIsTheAccount(row, await identity.AccountIdAsync(account.UserName), Roles.Clerk, IdentityHost.OfficeId);
        Assert.Equal("wrong_password", row.Outcome);
        Assert.DoesNotContain(await identity.AuditRowsAboutAsync(row.RecordId!), r => r.EventType == nameof(AuditEvent.SignInSucceeded));
        await AssertNothingTypedIsKeptAsync(account, "Wrong-password-1!");
    }

    [Fact]
    public async Task TheFailureThatLocksAnAccountWritesOneLockoutRowInsteadOfAFailure()
    {
        var account = await identity.CreateStaffAsync(Roles.Officer, "yongji-prison");
        using var browser = new StaffBrowser(identity);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var refused = await browser.SubmitPasswordAsync(account, "Wrong-password-1!");
        }

        var row = await SingleAsync(account, AuditEvent.AccountLockedOut);
        AssertActorIsTheAccount(row, await identity.AccountIdAsync(account.UserName), Roles.Officer, "yongji-prison");
        Assert.Equal(4, (await identity.AuditRowsAboutAsync(row.RecordId!)).Count(r => r.EventType == nameof(AuditEvent.SignInFailed)));
        Assert.True(row.Seq > (await identity.AuditRowsAboutAsync(row.RecordId!)).Where(r => r.EventType == nameof(AuditEvent.SignInFailed)).Max(r => r.Seq));
    }

    [Fact]
    public async Task EnrollingAnAuthenticatorWritesOneFactorEnrolledRowAndNoKey()
    {
        var account = await identity.CreateStaffAsync(Roles.VenueStaff, "yongji-venue", enrolled: false);
        using var browser = new StaffBrowser(identity);

        var enrolled = await browser.EnrolAsync(account);

        var row = await SingleAsync(account, AuditEvent.FactorEnrolled);
        AssertActorIsTheAccount(row, await identity.AccountIdAsync(account.UserName), Roles.VenueStaff, "yongji-venue");
        await AssertNothingTypedIsKeptAsync(enrolled, enrolled.AuthenticatorKey!);
    }

    [Fact]
    public async Task ARoleChangeWritesOneRowWithTheAdministratorAsItsActorAndTheNewRole()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);

        await identity.AdministerAsync(account.UserName, (admin, user) => admin.ChangeRoleAsync(user, Roles.Reviewer, SystemAdministrator));

        var row = await SingleAsync(account, AuditEvent.AccountRoleChanged);
        AssertActorIs(SystemAdministrator, row);
        Assert.Equal("role:" + Roles.Reviewer, row.Outcome);
    }

    [Fact]
    public async Task DisablingAnAccountWritesOneRowWithTheAdministratorAsItsActor()
    {
        var account = await identity.CreateStaffAsync(Roles.Director, IdentityHost.CountyId);

        await identity.AdministerAsync(account.UserName, (admin, user) => admin.DisableAsync(user, SystemAdministrator));

        var row = await SingleAsync(account, AuditEvent.AccountDisabled);
        AssertActorIs(SystemAdministrator, row);
        Assert.Equal("disabled", row.Outcome);
    }

    [Fact]
    public async Task APasswordResetWritesOneRowWithTheAdministratorAndTheCreationOneWithTheSystem()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);

        await identity.AdministerAsync(account.UserName, (admin, user) => admin.ResetPasswordAsync(user, InitialPassword.New(), SystemAdministrator));

        AssertActorIs(SystemAdministrator, await SingleAsync(account, AuditEvent.PasswordReset));
        AssertActorIs(AuditActor.System, await SingleAsync(account, AuditEvent.AccountCreated));
    }

    [Fact]
    public async Task ACreationRefusedByThePasswordPolicyLeavesNoRowForTheNextSaveToWrite()
    {
        var created = $"clerk-{Guid.NewGuid():N}";
        await identity.InScopeAsync<AccountAdministration>(async admin =>
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => admin.CreateAsync($"weak-{Guid.NewGuid():N}", Roles.Clerk, IdentityHost.OfficeId, "short"));
            await admin.CreateAsync(created, Roles.Clerk, IdentityHost.OfficeId, InitialPassword.New());
        });

        // Other tests create accounts at the same time, so the check is by account, not by count:
        // a row left behind by the refused creation would name an account that does not exist.
        var accounts = await identity.AccountIdsAsync();
        var createdId = await identity.AccountIdAsync(created);
        var creations = (await identity.AllAuditRowsAsync()).Where(r => r.EventType == nameof(AuditEvent.AccountCreated)).ToList();
        Assert.All(creations, row => Assert.Contains(row.RecordId!, accounts));
        Assert.Single(creations, row => row.RecordId == createdId);
    }

    [Fact]
    public async Task SigningOutWritesOneSignedOutRowWithTheAccountAsItsActor()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);
        await browser.SignInAsync(account);

        await browser.SignOutAsync();

        var row = await SingleAsync(account, AuditEvent.SignedOut);
        AssertActorIsTheAccount(row, await identity.AccountIdAsync(account.UserName), Roles.Clerk, IdentityHost.OfficeId);
    }

    [Fact]
    public async Task ARefreshRefusedBecauseTheAccountWasLockedOutSinceWritesOneRefreshRefusedRow()
    {
        var account = await identity.CreateStaffAsync(Roles.Reviewer, IdentityHost.CountyId);
        using var browser = new StaffBrowser(identity);
        var tokens = await browser.SignInForTokensAsync(account);
        using (var elsewhere = new StaffBrowser(identity))
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                using var refused = await elsewhere.SubmitPasswordAsync(account, "Wrong-password-1!");
            }
        }

        var (status, _) = await browser.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        var row = await SingleAsync(account, AuditEvent.RefreshRefused);
        AssertActorIsTheAccount(row, await identity.AccountIdAsync(account.UserName), Roles.Reviewer, IdentityHost.CountyId);
    }

    [Fact]
    public async Task ARefreshTokenRevokedBySignOutIsRefusedWithOneRefreshRefusedRowHoldingNothingOfTheToken()
    {
        var account = await identity.CreateStaffAsync(Roles.Clerk, IdentityHost.OfficeId);
        using var browser = new StaffBrowser(identity);
        var refreshToken = (await browser.SignInForTokensAsync(account)).GetProperty("refresh_token").GetString()!;
        await browser.SignOutAsync();

        // OpenIddict refuses a revoked token before the token endpoint runs.
        var (status, reply) = await browser.RefreshAsync(refreshToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", reply.GetProperty("error").GetString());
        var row = await SingleAsync(account, AuditEvent.RefreshRefused);
        AssertActorIsTheAccount(row, await identity.AccountIdAsync(account.UserName), Roles.Clerk, IdentityHost.OfficeId);
        Assert.Equal("refused", row.Outcome);
        Assert.DoesNotContain(await identity.AllAuditRowsAsync(), r => AuditHash.Canonical(r).Contains(refreshToken[..24], StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheIdentityAuditChainVerifiesAfterSignInsFailuresAndAccountChanges()
    {
        var account = await identity.CreateStaffAsync(Roles.Reviewer, IdentityHost.CountyId);
        using (var browser = new StaffBrowser(identity))
        {
            using var refused = await browser.SubmitPasswordAsync(account, "Wrong-password-1!");
            await browser.SignInAsync(account);
        }

        await identity.AdministerAsync(account.UserName, (admin, user) => admin.DisableAsync(user, SystemAdministrator));

        Assert.Null(await identity.VerifyAuditAsync());
        Assert.Equal(4, (await identity.AuditRowsAboutAsync(await identity.AccountIdAsync(account.UserName))).Count);
    }

    private async Task<AuditRow> SingleAsync(StaffAccount account, AuditEvent what)
    {
        var rows = await identity.AuditRowsAboutAsync(await identity.AccountIdAsync(account.UserName));
        return Assert.Single(rows, r => r.EventType == what.ToString());
    }

    private static void AssertActorIsTheAccount(AuditRow row, string accountId, string role, string organisation)
    {
        AssertActorIs(new AuditActor(accountId, role, organisation), row);
        Assert.Equal(organisation, row.OwnerOrganisation); // the account's own organisation owns its rows
    }

    private static void AssertActorIs(AuditActor actor, AuditRow row)
    {
        Assert.Equal((actor.UserId, actor.Role, actor.OrganisationId), (row.ActorUserId, row.ActorRole, row.ActorOrganisation));
        Assert.Equal(("changes", AccountAudit.Record), (row.Chain, row.RecordType));
    }

    /// <summary>No row about the account holds its user name, its password, anything typed, or its key.</summary>
    private async Task AssertNothingTypedIsKeptAsync(StaffAccount account, params string[] typed)
    {
        var rows = await identity.AuditRowsAboutAsync(await identity.AccountIdAsync(account.UserName));
        string[] secrets = [account.UserName, account.Password, .. typed, .. account.AuthenticatorKey is { } key ? [key] : Array.Empty<string>()];
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.DoesNotContain(
            secrets,
            secret => row.ToString().Contains(secret, StringComparison.Ordinal)));
    }
}
