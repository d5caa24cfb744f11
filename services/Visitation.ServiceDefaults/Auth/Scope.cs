namespace Visitation.ServiceDefaults.Auth;

/// <summary>
/// Which records a role reaches through one call, relative to the organisation its token names.
/// Each scope fits callers of one kind of organisation (see <see cref="OrganisationKind"/>).
/// </summary>
public enum Scope
{
    /// <summary>Nothing of any organisation's: public calendars. Any organisation of the role's kinds.</summary>
    Unscoped,

    /// <summary>The caller's judicial office (司法所) only.</summary>
    OwnOffice,

    /// <summary>The caller's county bureau (县司法局): its judicial offices and its venues.</summary>
    OwnBureau,

    /// <summary>The caller's prison only.</summary>
    OwnPrison,

    /// <summary>The caller's county venue only.</summary>
    OwnVenue,

    /// <summary>The caller's province: its bureaus with their offices and venues, and its prisons.</summary>
    OwnProvince,

    /// <summary>The caller's organisation, whatever its kind, and every one below it in the tree (the audit administrator's).</summary>
    OwnSubtree,
}
