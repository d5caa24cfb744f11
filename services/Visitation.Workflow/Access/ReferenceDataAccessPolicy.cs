using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Workflow.Access;

/// <summary>
/// The <see cref="AccessPolicyTable"/> applied to the organisation tree of the reference data: which
/// organisations exist and of what kind, and which records a scope reaches from the caller's one.
/// </summary>
public sealed class ReferenceDataAccessPolicy : IAccessPolicy
{
    private readonly Dictionary<string, OrganisationKind> _kinds = new(StringComparer.Ordinal);
    private readonly ReferenceDataSet _reference;

    public ReferenceDataAccessPolicy(ReferenceDataSet reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _reference = reference;
        Add(reference.Provinces.Select(p => p.Id), OrganisationKind.Province);
        Add(reference.Counties.Select(c => c.Id), OrganisationKind.CountyBureau);
        Add(reference.Offices.Select(o => o.Id), OrganisationKind.JudicialOffice);
        Add(reference.Venues.Select(v => v.Id), OrganisationKind.Venue);
        Add(reference.Prisons.Select(p => p.Id), OrganisationKind.Prison);
    }

    public bool IsValidOrganisation(string role, string organisationId) =>
        _kinds.TryGetValue(organisationId, out var kind)
        && AccessPolicyTable.RoleOrganisations.TryGetValue(role, out var kinds)
        && kinds.Contains(kind);

    public IReadOnlyList<string>? Reach(string fullMethodName, string role, string organisationId)
    {
        if (!AccessPolicyTable.ByFullName.TryGetValue(fullMethodName, out var method)
            || !method.Roles.TryGetValue(role, out var scope)
            || !IsValidOrganisation(role, organisationId))
        {
            return null;
        }

        if (scope == Scope.OwnSubtree)
        {
            return Within(organisationId, _kinds[organisationId]);
        }

        // A scope is relative to one kind of organisation: a bureau's director has no prison to reach.
        var kind = AccessPolicyTable.KindOf(scope);
        return kind is null ? [] : kind == _kinds[organisationId] ? Within(organisationId, kind.Value) : null;
    }

    /// <summary>The kind of an organisation of the tree; null for one it does not hold.</summary>
    public OrganisationKind? KindOf(string organisationId) => _kinds.TryGetValue(organisationId, out var kind) ? kind : null;

    /// <summary>The organisation and every one below it in the tree (the identity service's administrators reach this); empty for one it does not hold.</summary>
    public IReadOnlyList<string> Subtree(string organisationId) => KindOf(organisationId) is { } kind ? Within(organisationId, kind) : [];

    /// <summary>The organisation and every one below it in the tree.</summary>
    private string[] Within(string organisationId, OrganisationKind kind) => kind switch
    {
        OrganisationKind.CountyBureau => [organisationId, .. Bureau(organisationId)],
        OrganisationKind.Province =>
        [
            organisationId,
            .. _reference.Counties.Where(c => c.ProvinceId == organisationId).SelectMany(c => (string[])[c.Id, .. Bureau(c.Id)]),
            .. _reference.Prisons.Where(p => p.ProvinceId == organisationId).Select(p => p.Id),
        ],
        _ => [organisationId],
    };

    private IEnumerable<string> Bureau(string countyId) =>
        _reference.Offices.Where(o => o.CountyId == countyId).Select(o => o.Id)
            .Concat(_reference.Venues.Where(v => v.CountyId == countyId).Select(v => v.Id));

    private void Add(IEnumerable<string> ids, OrganisationKind kind)
    {
        foreach (var id in ids)
        {
            // An id used twice in the tree would make its kind, and so its rights, ambiguous.
            if (!_kinds.TryAdd(id, kind))
            {
                throw new InvalidDataException($"Organisation id '{id}' appears more than once in the reference data.");
            }
        }
    }
}
