using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Visitation.Identity.Data;
using Visitation.Messaging.Audit;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Access;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.Accounts;

/// <summary>
/// What an administrator does to an account: create it, change its role, disable and enable it, reset
/// its password (the system administrator's); end a lockout, reset the second factor (the security
/// administrator's). The administration API and the CLI commands both act through here. Every change that alters what a person may do ends their sessions: refresh tokens and
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
    ReferenceDataAccessPolicy tree,
    IdentityDb db,
    TimeProvider clock)
{
    public async Task<StaffUser> CreateAsync(
        string userName, string role, string organisationId, string password, string? authenticatorKey = null, AuditActor? by = null, IReadOnlyList<string>? sites = null)
    {
        CheckRoleAndOrganisation(role, organisationId);
        foreach (var site in sites ?? [])
        {
            // A site is another organisation of the same kind (another office for a clerk): the services check the token's org against the role.
            CheckRoleAndOrganisation(role, site);
            if (tree.KindOf(site) != tree.KindOf(organisationId))
            {
                throw new ArgumentException($"Site '{site}' is not of the kind of '{organisationId}'.", nameof(sites));
            }
        }

        var user = new StaffUser
        {
            UserName = userName,
            Role = role,
            OrganisationId = organisationId,
            OtherOrganisationIds = [.. (sites ?? []).Where(site => site != organisationId).Distinct(StringComparer.Ordinal)],
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

    /// <summary>Lets a disabled account sign in again; its inactivity counts from now, or the next attempt would disable it again.</summary>
    public async Task EnableAsync(StaffUser user, AuditActor? by = null)
    {
        user.DisabledAt = null;
        user.LastActivityAt = clock.GetUtcNow();
        Record(by, AuditEvent.AccountEnabled, user, "enabled");
        Check(await users.UpdateAsync(user));
    }

    /// <summary>Ends a lockout and forgets the failures counted towards the next one.</summary>
    public async Task UnlockAsync(StaffUser user, AuditActor? by = null)
    {
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Record(by, AuditEvent.AccountUnlocked, user, "unlocked");
        Check(await users.UpdateAsync(user));
    }

    /// <summary>
    /// Forgets the authenticator (a new random key replaces it, so the old device's codes fail) and ends the
    /// sessions: the next sign-in is password-only and leads to the enrolment page.
    /// </summary>
    public async Task ResetSecondFactorAsync(StaffUser user, AuditActor? by = null)
    {
        user.TwoFactorEnabled = false;
        user.LastTotpStep = 0;
        Record(by, AuditEvent.FactorReset, user, "factor_reset");
        Check(await users.ResetAuthenticatorKeyAsync(user));
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
        db.Audit(by ?? AuditActor.System, what, user.Audited(), outcome: outcome);

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
