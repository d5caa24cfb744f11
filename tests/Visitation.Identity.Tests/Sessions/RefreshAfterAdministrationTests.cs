using System.Net;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Tests.Sessions;

/// <summary>An administrator's change through the administration API ends the person's session: their refresh token is refused at once.</summary>
public sealed class RefreshAfterAdministrationTests(IdentityHost identity)
{
    public enum Change { Disable, ChangeRole, ResetPassword, ResetSecondFactor }

    [Theory]
    [InlineData(Change.Disable)]
    [InlineData(Change.ChangeRole)]
    [InlineData(Change.ResetPassword)]
    [InlineData(Change.ResetSecondFactor)]
    public async Task RefreshIsRefusedAfterAnAdministratorChangedTheAccountThroughTheApi(Change change)
    {
        var account = await identity.CreateStaffAsync(Roles.Reviewer, IdentityHost.CountyId);
        var accountId = await identity.AccountIdAsync(account.UserName);
        using var browser = new StaffBrowser(identity);
        var tokens = await browser.SignInForTokensAsync(account);
        var role = change == Change.ResetSecondFactor ? Roles.SecurityAdministrator : Roles.SystemAdministrator;
        using var admin = await AdminCaller.MachineAsync(identity, role, IdentityHost.CountyId);

        await (change switch
        {
            Change.Disable => admin.Api.DisableAccountAsync(new() { AccountId = accountId }).ResponseAsync,
            Change.ChangeRole => admin.Api.ChangeRoleAsync(new() { AccountId = accountId, Role = StaffRole.Director }).ResponseAsync,
            Change.ResetPassword => admin.Api.ResetPasswordAsync(new() { AccountId = accountId }).ResponseAsync,
            _ => (Task)admin.Api.ResetSecondFactorAsync(new() { AccountId = accountId }).ResponseAsync,
        });
        var (status, reply) = await browser.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", reply.GetProperty("error").GetString());
    }
}
