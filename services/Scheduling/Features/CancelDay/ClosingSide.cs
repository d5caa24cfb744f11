using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Features.CancelDay;

/// <summary>The side closing a day: the caller's prison (officers) or venue (venue staff), with its terminals.</summary>
public sealed record ClosingSide(bool AtPrison, string OrganisationId, IReadOnlyList<string> Terminals)
{
    public string? PrisonId => AtPrison ? OrganisationId : null;

    public string? VenueId => AtPrison ? null : OrganisationId;

    public static ClosingSide Of(Caller caller, ReferenceDataSet reference)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(reference);
        var atPrison = caller.Role == Roles.Officer;
        var terminals = atPrison ? reference.Prison(caller.OrganisationId)?.Terminals : reference.Venue(caller.OrganisationId)?.Terminals;
        return terminals is null
            ? throw GrpcErrors.PermissionDenied("令牌中的机构不是监狱或会见室")
            : new ClosingSide(atPrison, caller.OrganisationId, terminals);
    }

    /// <summary>
    /// The allocation locks to take: every prison before the venue, the order every allocation takes
    /// them in, so re-offers at each affected visit's prison cannot deadlock with a proposal running
    /// at the same time.
    /// </summary>
    public (IEnumerable<string> Prisons, IEnumerable<string> Venues) Locks(ReferenceDataSet reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return AtPrison ? ([OrganisationId], []) : (reference.Prisons.Select(p => p.Id), [OrganisationId]);
    }
}
