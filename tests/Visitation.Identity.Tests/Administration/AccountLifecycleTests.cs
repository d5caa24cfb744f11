using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Tests.Administration;

/// <summary>
/// What the person at the other end of an administrator's call lives through: an account made through
/// the API signs in with its one-time password and enrols an authenticator; after a second-factor
/// reset the old authenticator is useless and the next sign-in enrols a new one.
/// </summary>
public sealed class AccountLifecycleTests(IdentityHost identity)
{
    [Fact]
    public async Task AnAccountCreatedThroughTheApiSignsInWithItsOneTimePasswordAndEnrolsAnAuthenticator()
    {
        using var admin = await AdminCaller.MachineAsync(identity, Roles.SystemAdministrator, IdentityHost.CountyId);
        var userName = $"clerk-{Guid.NewGuid():N}"[..20];

        var created = await admin.Api.CreateAccountAsync(new() { UserName = userName, Role = StaffRole.Clerk, OrganisationId = IdentityHost.OfficeId });
        using var browser = new StaffBrowser(identity);
        var enrolled = await browser.EnrolAsync(new StaffAccount(userName, created.InitialPassword, null));

        Assert.False(created.Account.Enrolled);
        Assert.Equal((StaffRole.Clerk, IdentityHost.OfficeId, true), (created.Account.Role, created.Account.OrganisationId, created.Account.Enabled));
        Assert.False(string.IsNullOrEmpty(enrolled.AuthenticatorKey));
    }

    [Fact]
    public async Task AfterASecondFactorResetTheNextSignInEnrolsANewAuthenticator()
    {
        var account = await identity.CreateStaffAsync(Roles.Reviewer, IdentityHost.CountyId);
        using var admin = await AdminCaller.MachineAsync(identity, Roles.SecurityAdministrator, IdentityHost.CountyId);

        var reset = await admin.Api.ResetSecondFactorAsync(new() { AccountId = await identity.AccountIdAsync(account.UserName) });
        using var browser = new StaffBrowser(identity);
        var enrolled = await browser.EnrolAsync(account);

        Assert.False(reset.Account.Enrolled);
        Assert.NotEqual(account.AuthenticatorKey, enrolled.AuthenticatorKey);
    }
}
