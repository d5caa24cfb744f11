using Visitation.Rules.ReferenceData;

namespace Visitation.Identity.Accounts;

/// <summary>Whether an organisation id is one of the loaded reference data's: an account or client elsewhere is refused.</summary>
public sealed class KnownOrganisations(ReferenceDataSet reference)
{
    public bool Contains(string id) =>
        reference.Province(id) is not null || reference.County(id) is not null || reference.Office(id) is not null
        || reference.Venue(id) is not null || reference.Prison(id) is not null;
}
