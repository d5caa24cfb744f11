using Microsoft.AspNetCore.Identity;

namespace Visitation.Identity.Data;

/// <summary>
/// A member of staff: one role of <see cref="Visitation.ServiceDefaults.Auth.Roles"/> in one
/// organisation of the reference data. The role and organisation become the token's claims.
/// </summary>
public sealed class StaffUser : IdentityUser
{
    public string Role { get; set; } = string.Empty;

    public string OrganisationId { get; set; } = string.Empty;

    /// <summary>
    /// The other organisations (sites) of the same kind the person may act for, e.g. a clerk covering two
    /// judicial offices: the console lets them pick one and the token endpoint checks the pick (<see cref="MayActFor"/>).
    /// </summary>
    public List<string> OtherOrganisationIds { get; set; } = [];

    /// <summary>Whether a token of this account may name <paramref name="organisationId"/>: its own organisation or one of its sites.</summary>
    public bool MayActFor(string organisationId) =>
        organisationId == OrganisationId || OtherOrganisationIds.Contains(organisationId, StringComparer.Ordinal);

    /// <summary>Set when an administrator disables the account or it went unused too long; a disabled account signs in nowhere.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Last sign-in or token refresh: the inactivity limit counts from here.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>The 30-second step of the last TOTP code accepted: the same code is not accepted twice.</summary>
    public long LastTotpStep { get; set; }
}
