namespace Visitation.ServiceDefaults.Auth;

/// <summary>The kinds of organisation in the reference data's tree (province → county bureau → office, venue; province → prison).</summary>
public enum OrganisationKind
{
    Province,
    CountyBureau,
    JudicialOffice,
    Venue,
    Prison,
}
