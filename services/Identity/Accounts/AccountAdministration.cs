using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Visitation.Identity.Data;
using Visitation.Messaging.Audit;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.Accounts;

/// <summary>
/// What an administrator does to an account: create it, change its role, disable it, reset its
/// password. Every change that alters what a person may do ends their sessions: refresh tokens and
/// authorizations revoked, security stamp renewed (so the login cookie and any code in flight die too).
/// Each change writes one audit row in the save that makes it; <c>by</c> is the administrator who acts
/// (none: the system, as the start-up seeding and the <c>create-account</c> command run).
/// </summary>
public sealed class AccountAdministration(
    UserManager<StaffUser> users,
    IUserStore<StaffUser> store,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    KnownOrganisations organisations,
    IdentityDb db,
    TimeProvider clock)
{
    public async Task<StaffUser> CreateAsync(string userName, string role, string organisationId, string password, string? authenticatorKey = null, AuditActor? by = null)
    {
        CheckRoleAndOrganisation(role, organisationId);
        var user = new StaffUser
        {
            UserName = userName,
            Role = role,
            OrganisationId = organisationId,
            LastActivityAt = clock.GetUtcNow(),
        };
        Record(by, AuditEvent.AccountCreated, user, "role:" + role);
        Check(await users.CreateAsync(user, password));
        if (authenticatorKey is not null)
        {
            // A key handed out beforehand (seeding): the account is enrolled already. Without one,
            // the first sign-in leads to the enrolment page.
            await ((IUserAuthenticatorKeyStore<StaffUser>)store).SetAuthenticatorKeyAsync(user, authenticatorKey, CancellationToken.None);
            user.TwoFactorEnabled = true;
            Check(await users.UpdateAsync(user));
        }

        return user;
    }

    public async Task ChangeRoleAsync(StaffUser user, string role, AuditActor? by = null)
    {
        CheckRoleAndOrganisation(role, user.OrganisationId);
        user.Role = role;
        Record(by, AuditEvent.AccountRoleChanged, user, "role:" + role);
        Check(await users.UpdateAsync(user));
        await EndSessionsAsync(user);
    }

    public async Task DisableAsync(StaffUser user, AuditActor? by = null)
    {
        user.DisabledAt = clock.GetUtcNow();
        Record(by, AuditEvent.AccountDisabled, user, "disabled");
        Check(await users.UpdateAsync(user));
        await EndSessionsAsync(user);
    }

    public async Task ResetPasswordAsync(StaffUser user, string newPassword, AuditActor? by = null)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Record(by, AuditEvent.PasswordReset, user, "reset");
        Check(await users.ResetPasswordAsync(user, token, newPassword));
        await EndSessionsAsync(user);
    }

    /// <summary>Revokes every refresh token and authorization of the user and renews the security stamp.</summary>
    public async Task EndSessionsAsync(StaffUser user)
    {
        await tokens.RevokeBySubjectAsync(user.Id);
        await authorizations.RevokeBySubjectAsync(user.Id);
        Check(await users.UpdateSecurityStampAsync(user));
    }

    private void CheckRoleAndOrganisation(string role, string organisationId)
    {
        if (!Roles.All.Contains(role, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown role '{role}'; the roles are {string.Join(", ", Roles.All)}.", nameof(role));
        }

        if (!organisations.Contains(organisationId))
        {
            throw new ArgumentException($"Organisation '{organisationId}' is not in the reference data.", nameof(organisationId));
        }
    }

    /// <summary>Queues the change's row for the save Identity makes next; <see cref="Check"/> drops it if that save never happens.</summary>
    private void Record(AuditActor? by, AuditEvent what, StaffUser user, string outcome) =>
        db.Audit(by ?? AuditActor.System, what, AccountAudit.Record, user.Id, outcome: outcome);

    private void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            // Refused before saving (password policy, duplicate name): the change did not happen, nor may its row.
            db.PendingAudit.Take();
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
        }
    }
}
