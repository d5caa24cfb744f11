using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Identity.Tests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using Client = Visitation.Contracts.Grpc.IdentityAdmin.IdentityAdminService.IdentityAdminServiceClient;

namespace Visitation.Identity.Tests.Administration;

/// <summary>
/// Every call of the administration API for each of the three administrators (at a province) and an
/// ordinary role, against an account inside the caller's subtree and one outside it: the one role
/// the separation allows gets its answer inside and NOT_FOUND (or, creating, the reply of an unknown
/// organisation) outside; every other role gets PERMISSION_DENIED on both.
/// </summary>
public sealed class AdminAccessMatrixTests(IdentityHost identity)
{
    private const string Province = "shanxi";
    private const string InsideBureau = IdentityHost.CountyId;
    private const string OutsideBureau = "xingqing-bureau";

    /// <summary>Who may call what, written out here rather than read from the code's table, so the test checks the table.</summary>
    private static readonly Dictionary<string, string> AllowedRole = new(StringComparer.Ordinal)
    {
        ["ListAccounts"] = Roles.SystemAdministrator,
        ["CreateAccount"] = Roles.SystemAdministrator,
        ["ChangeRole"] = Roles.SystemAdministrator,
        ["DisableAccount"] = Roles.SystemAdministrator,
        ["EnableAccount"] = Roles.SystemAdministrator,
        ["ResetPassword"] = Roles.SystemAdministrator,
        ["ListLockouts"] = Roles.SecurityAdministrator,
        ["UnlockAccount"] = Roles.SecurityAdministrator,
        ["ResetSecondFactor"] = Roles.SecurityAdministrator,
        ["ListSigningKeys"] = Roles.SecurityAdministrator,
        ["StageSigningKey"] = Roles.SecurityAdministrator,
    };

    private static readonly string[] Callers = [Roles.SystemAdministrator, Roles.SecurityAdministrator, Roles.AuditAdministrator, Roles.Clerk];

    private enum Outside { NotFound, UnknownOrganisation, NotListed, NoTarget }

    /// <summary>An account the probe acts on: a reviewer of a county bureau, locked out (so the lockout calls have something to act on).</summary>
    private sealed record Target(string AccountId, string Organisation);

    /// <summary>One call; returns the account ids a list answered (empty for any other call).</summary>
    private sealed record Probe(Func<Client, Target, Task<IReadOnlyList<string>>> Call, Outside Outside);

    private readonly Dictionary<string, Probe> _probes = new(StringComparer.Ordinal)
    {
        ["ListAccounts"] = new(async (api, t) => await AllPagesAsync(async page =>
        {
            var reply = await api.ListAccountsAsync(new() { OrganisationId = t.Organisation, Page = page });
            return (reply.Accounts, reply.NextPageToken);
        }), Outside.NotListed),
        ["CreateAccount"] = new(async (api, t) => None(await api.CreateAccountAsync(new()
        {
            UserName = $"new-{Guid.NewGuid():N}"[..20], Role = StaffRole.Reviewer, OrganisationId = t.Organisation,
        })), Outside.UnknownOrganisation),
        ["ChangeRole"] = new(async (api, t) => None(await api.ChangeRoleAsync(new() { AccountId = t.AccountId, Role = StaffRole.Director })), Outside.NotFound),
        ["DisableAccount"] = new(async (api, t) => None(await api.DisableAccountAsync(new() { AccountId = t.AccountId })), Outside.NotFound),
        ["EnableAccount"] = new(async (api, t) => None(await api.EnableAccountAsync(new() { AccountId = t.AccountId })), Outside.NotFound),
        ["ResetPassword"] = new(async (api, t) => None(await api.ResetPasswordAsync(new() { AccountId = t.AccountId })), Outside.NotFound),
        ["ListLockouts"] = new(async (api, _) => await AllPagesAsync(async page =>
        {
            var reply = await api.ListLockoutsAsync(new() { Page = page });
            return (reply.Accounts, reply.NextPageToken);
        }), Outside.NotListed),
        ["UnlockAccount"] = new(async (api, t) => None(await api.UnlockAccountAsync(new() { AccountId = t.AccountId })), Outside.NotFound),
        ["ResetSecondFactor"] = new(async (api, t) => None(await api.ResetSecondFactorAsync(new() { AccountId = t.AccountId })), Outside.NotFound),
        ["ListSigningKeys"] = new(async (api, _) => None(await api.ListSigningKeysAsync(new())), Outside.NoTarget),
        ["StageSigningKey"] = new(async (api, _) => None(await api.StageSigningKeyAsync(new()
        {
            NotBefore = Timestamp.FromDateTimeOffset(identity.Clock.GetUtcNow().AddDays(40).AddMinutes(Interlocked.Increment(ref _staged))),
            ValidFor = Duration.FromTimeSpan(TimeSpan.FromDays(90)),
        })), Outside.NoTarget),
    };

    /// <summary>Each staged key starts a minute after the last, so no two share a file name.</summary>
    private static int _staged;

    [Fact]
    public void TheMatrixProbesEveryCallOfTheApi()
    {
        var declared = IdentityAdminService.Descriptor.Methods.Select(m => m.Name).Order(StringComparer.Ordinal);

        Assert.Equal(declared, _probes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(declared, AllowedRole.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EachRoleGetsItsAnswerOnEveryCallInsideAndOutsideItsSubtree()
    {
        var failures = new List<string>();
        foreach (var role in Callers)
        {
            using var caller = await AdminCaller.MachineAsync(identity, role, role == Roles.Clerk ? IdentityHost.OfficeId : Province);
            foreach (var (method, probe) in _probes)
            {
                var allowed = AllowedRole[method] == role;
                var inside = await TargetAsync(InsideBureau);
                var outside = await TargetAsync(OutsideBureau);
                var (insideStatus, insideListed) = await RunAsync(probe, caller.Api, inside);
                var (outsideStatus, outsideListed) = await RunAsync(probe, caller.Api, outside);

                var expectedInside = allowed ? StatusCode.OK : StatusCode.PermissionDenied;
                var expectedOutside = !allowed ? StatusCode.PermissionDenied : probe.Outside switch
                {
                    Outside.NotFound => StatusCode.NotFound,
                    Outside.UnknownOrganisation => StatusCode.InvalidArgument,
                    _ => StatusCode.OK,
                };
                if (insideStatus != expectedInside || outsideStatus != expectedOutside)
                {
                    failures.Add($"{method} as {role}: inside {insideStatus} (expected {expectedInside}), outside {outsideStatus} (expected {expectedOutside})");
                }

                if (allowed && probe.Outside == Outside.NotListed && (!insideListed.Contains(inside.AccountId) || outsideListed.Contains(outside.AccountId)))
                {
                    failures.Add($"{method} as {role}: lists the inside account {insideListed.Contains(inside.AccountId)}, the outside one {outsideListed.Contains(outside.AccountId)}");
                }
            }
        }

        Assert.True(failures.Count == 0, "The administration API answered otherwise:\n" + string.Join('\n', failures));
    }

    private async Task<Target> TargetAsync(string bureau)
    {
        var account = await identity.CreateStaffAsync(Roles.Reviewer, bureau);
        var id = await identity.AccountIdAsync(account.UserName);
        await identity.LockOutAsync(id);
        return new Target(id, bureau);
    }

    private static async Task<(StatusCode Status, IReadOnlyList<string> Listed)> RunAsync(Probe probe, Client api, Target target)
    {
        IReadOnlyList<string> listed = [];
        var status = await AdminCaller.StatusOfAsync(async () => listed = await probe.Call(api, target));
        return (status, listed);
    }

    /// <summary>Every page of a list (other tests' accounts share the database), as account ids.</summary>
    private static async Task<IReadOnlyList<string>> AllPagesAsync(Func<PageRequest, Task<(IEnumerable<AccountView> Accounts, string Next)>> list)
    {
        var ids = new List<string>();
        var page = new PageRequest { PageSize = 200 };
        while (true)
        {
            var (accounts, next) = await list(page);
            ids.AddRange(accounts.Select(a => a.AccountId));
            if (next.Length == 0)
            {
                return ids;
            }

            page = new PageRequest { PageSize = 200, PageToken = next };
        }
    }

    private static IReadOnlyList<string> None(object reply) => reply is null ? throw new InvalidOperationException("No reply.") : [];
}
