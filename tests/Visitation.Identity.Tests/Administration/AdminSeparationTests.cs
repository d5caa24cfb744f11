using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.Tests.Administration;

/// <summary>
/// The separation rules beyond the role table: a system administrator never makes, changes or disables
/// an administrator (their own account included), no administrator resets their own factor, a county
/// administrator's subtree ends at its county, the keys are a province's, and only this service's
/// tokens for the administration audience are taken.
/// </summary>
public sealed class AdminSeparationTests(IdentityHost identity)
{
    public static TheoryData<string> AdministratorRoles => [Roles.SystemAdministrator, Roles.SecurityAdministrator, Roles.AuditAdministrator];

    [Theory]
    [MemberData(nameof(AdministratorRoles))]
    public async Task ASystemAdministratorCannotChangeDisableEnableOrResetAnAdministratorsAccount(string role)
    {
        using var admin = await AdminCaller.MachineAsync(identity, Roles.SystemAdministrator, IdentityHost.CountyId);
        var target = await identity.AccountIdAsync((await identity.CreateStaffAsync(role, IdentityHost.CountyId)).UserName);
        var before = (await identity.AuditRowsAboutAsync(target)).Count;

        var statuses = new[]
        {
            await AdminCaller.StatusOfAsync(() => admin.Api.ChangeRoleAsync(new() { AccountId = target, Role = StaffRole.Reviewer }).ResponseAsync),
            await AdminCaller.StatusOfAsync(() => admin.Api.DisableAccountAsync(new() { AccountId = target }).ResponseAsync),
            await AdminCaller.StatusOfAsync(() => admin.Api.EnableAccountAsync(new() { AccountId = target }).ResponseAsync),
            await AdminCaller.StatusOfAsync(() => admin.Api.ResetPasswordAsync(new() { AccountId = target }).ResponseAsync),
        };

        Assert.All(statuses, status => Assert.Equal(StatusCode.PermissionDenied, status));
        Assert.Equal(before, (await identity.AuditRowsAboutAsync(target)).Count);
    }

    [Theory]
    [MemberData(nameof(AdministratorRoles))]
    public async Task ASystemAdministratorCannotCreateAnAdministratorNorMakeSomeoneOne(string role)
    {
        using var admin = await AdminCaller.MachineAsync(identity, Roles.SystemAdministrator, IdentityHost.CountyId);
        var reviewer = await identity.AccountIdAsync((await identity.CreateStaffAsync(Roles.Reviewer, IdentityHost.CountyId)).UserName);
        var wire = Visitation.Identity.Administration.StaffRoles.ToWire(role);

        var created = await AdminCaller.StatusOfAsync(() => admin.Api.CreateAccountAsync(new()
        {
            UserName = $"adm-{Guid.NewGuid():N}"[..20], Role = wire, OrganisationId = IdentityHost.CountyId,
        }).ResponseAsync);
        var promoted = await AdminCaller.StatusOfAsync(() => admin.Api.ChangeRoleAsync(new() { AccountId = reviewer, Role = wire }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (created, promoted));
        Assert.DoesNotContain(await identity.AuditRowsAboutAsync(reviewer), row => row.EventType == nameof(AuditEvent.AccountRoleChanged));
    }

    [Fact]
    public async Task ASignedInSystemAdministratorCannotDisableTheirOwnAccount()
    {
        using var admin = await AdminCaller.StaffAsync(identity, Roles.SystemAdministrator, IdentityHost.CountyId);

        var status = await AdminCaller.StatusOfAsync(() => admin.Api.DisableAccountAsync(new() { AccountId = admin.UserId }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, status);
        Assert.DoesNotContain(await identity.AuditRowsAboutAsync(admin.UserId), row => row.EventType == nameof(AuditEvent.AccountDisabled));
    }

    [Fact]
    public async Task ASignedInSecurityAdministratorCannotResetTheirOwnSecondFactor()
    {
        using var admin = await AdminCaller.StaffAsync(identity, Roles.SecurityAdministrator, IdentityHost.CountyId);

        var status = await AdminCaller.StatusOfAsync(() => admin.Api.ResetSecondFactorAsync(new() { AccountId = admin.UserId }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, status);
    }

    [Fact]
    public async Task AnAccountOfAnotherCountyIsAnsweredExactlyAsAnUnknownOne()
    {
        using var admin = await AdminCaller.MachineAsync(identity, Roles.SystemAdministrator, IdentityHost.CountyId);
        var neighbour = await identity.AccountIdAsync((await identity.CreateStaffAsync(Roles.Clerk, "yanhu-beicheng-office")).UserName);
        var unknown = Guid.NewGuid().ToString();

        var other = await ErrorAsync(() => admin.Api.DisableAccountAsync(new() { AccountId = neighbour }).ResponseAsync);
        var nobody = await ErrorAsync(() => admin.Api.DisableAccountAsync(new() { AccountId = unknown }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, other.StatusCode);
        Assert.Equal((nobody.StatusCode, nobody.Status.Detail.Replace(unknown, "ID", StringComparison.Ordinal)),
            (other.StatusCode, other.Status.Detail.Replace(neighbour, "ID", StringComparison.Ordinal)));
        Assert.DoesNotContain(await identity.AuditRowsAboutAsync(neighbour), row => row.EventType == nameof(AuditEvent.AccountDisabled));
    }

    [Fact]
    public async Task ACountySecurityAdministratorHandlesNoSigningKeys()
    {
        using var county = await AdminCaller.MachineAsync(identity, Roles.SecurityAdministrator, IdentityHost.CountyId);

        var status = await AdminCaller.StatusOfAsync(() => county.Api.ListSigningKeysAsync(new()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, status);
    }

    [Fact]
    public async Task AProvinceSecurityAdministratorSeesTheSigningKeyAndTheStagedOneWithoutKeyMaterial()
    {
        using var province = await AdminCaller.MachineAsync(identity, Roles.SecurityAdministrator, "shanxi");

        var keys = (await province.Api.ListSigningKeysAsync(new())).Keys;

        Assert.Equal(SigningKeyState.Signing, Assert.Single(keys, k => k.KeyId == identity.KeyIds[0]).State);
        Assert.Equal(SigningKeyState.Staged, Assert.Single(keys, k => k.KeyId == identity.KeyIds[1]).State);
    }

    [Fact]
    public async Task ATokenForAnotherServiceIsRefused()
    {
        using var admin = await AdminCaller.MachineAsync(identity, Roles.SystemAdministrator, IdentityHost.CountyId, scope: "application");

        var status = await AdminCaller.StatusOfAsync(() => admin.Api.ListAccountsAsync(new()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, status);
    }

    [Fact]
    public async Task BadInputIsInvalidArgumentNamingEveryBadField()
    {
        using var admin = await AdminCaller.MachineAsync(identity, Roles.SystemAdministrator, IdentityHost.CountyId);

        var error = await ErrorAsync(() => admin.Api.CreateAccountAsync(new() { UserName = "A B", Role = StaffRole.Unspecified }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violations = error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field);
        Assert.Equal(["organisation_id", "role", "user_name"], violations.Order(StringComparer.Ordinal));
    }

    private static async Task<RpcException> ErrorAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            return ex;
        }

        throw new Xunit.Sdk.XunitException("The call succeeded.");
    }
}
