using Google.Protobuf.WellKnownTypes;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Signing;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.Tests.Administration;

/// <summary>
/// Every change made through the administration API writes exactly one audit row of its event, naming
/// the administrator who called (client id, role, organisation) as the actor and the account (or key) by its id.
/// </summary>
public sealed class AdminAuditTests(IdentityHost identity)
{
    public enum Change { Create, ChangeRole, Disable, Enable, ResetPassword, Unlock, ResetSecondFactor, StageSigningKey }

    [Theory]
    [InlineData(Change.Create, AuditEvent.AccountCreated)]
    [InlineData(Change.ChangeRole, AuditEvent.AccountRoleChanged)]
    [InlineData(Change.Disable, AuditEvent.AccountDisabled)]
    [InlineData(Change.Enable, AuditEvent.AccountEnabled)]
    [InlineData(Change.ResetPassword, AuditEvent.PasswordReset)]
    [InlineData(Change.Unlock, AuditEvent.AccountUnlocked)]
    [InlineData(Change.ResetSecondFactor, AuditEvent.FactorReset)]
    [InlineData(Change.StageSigningKey, AuditEvent.SigningKeyStaged)]
    public async Task EveryChangeWritesExactlyOneAuditRowWithTheAdministratorAsActor(Change change, AuditEvent expected)
    {
        var role = change is Change.Unlock or Change.ResetSecondFactor or Change.StageSigningKey ? Roles.SecurityAdministrator : Roles.SystemAdministrator;
        using var admin = await AdminCaller.MachineAsync(identity, role, "shanxi");
        var target = await identity.AccountIdAsync((await identity.CreateStaffAsync(Roles.Reviewer, IdentityHost.CountyId)).UserName);

        var record = await ApplyAsync(change, admin.Api, target);

        var rows = (await identity.AuditRowsAboutAsync(record)).Where(r => r.EventType == expected.ToString()).ToList();
        var row = Assert.Single(rows);
        Assert.Equal((admin.UserId, role, "shanxi"), (row.ActorUserId, row.ActorRole, row.ActorOrganisation));
        Assert.Equal(change == Change.StageSigningKey ? SigningKeyAdministration.Record : "account", row.RecordType);
        Assert.Null(await identity.VerifyAuditAsync());
    }

    /// <summary>Makes the change; returns the id of the record it is about.</summary>
    private async Task<string> ApplyAsync(Change change, IdentityAdminService.IdentityAdminServiceClient api, string target)
    {
        switch (change)
        {
            case Change.Create:
                return (await api.CreateAccountAsync(new()
                {
                    UserName = $"created-{Guid.NewGuid():N}"[..24], Role = StaffRole.Reviewer, OrganisationId = IdentityHost.CountyId,
                })).Account.AccountId;
            case Change.ChangeRole:
                await api.ChangeRoleAsync(new() { AccountId = target, Role = StaffRole.Director });
                return target;
            case Change.Disable:
                await api.DisableAccountAsync(new() { AccountId = target });
                return target;
            case Change.Enable:
                await identity.AdministerAsync(await UserNameAsync(target), (admin, user) => admin.DisableAsync(user));
                await api.EnableAccountAsync(new() { AccountId = target });
                return target;
            case Change.ResetPassword:
                await api.ResetPasswordAsync(new() { AccountId = target });
                return target;
            case Change.Unlock:
                await identity.LockOutAsync(target);
                await api.UnlockAccountAsync(new() { AccountId = target });
                return target;
            case Change.ResetSecondFactor:
                await api.ResetSecondFactorAsync(new() { AccountId = target });
                return target;
            default:
                return (await api.StageSigningKeyAsync(new()
                {
                    NotBefore = Timestamp.FromDateTimeOffset(identity.Clock.GetUtcNow().AddDays(50).AddSeconds(7)),
                    ValidFor = Duration.FromTimeSpan(TimeSpan.FromDays(30)),
                })).Key.KeyId;
        }
    }

    private async Task<string> UserNameAsync(string accountId)
    {
        string? name = null;
        await identity.InScopeAsync<Microsoft.AspNetCore.Identity.UserManager<Data.StaffUser>>(async users => name = (await users.FindByIdAsync(accountId))!.UserName);
        return name!;
    }
}
