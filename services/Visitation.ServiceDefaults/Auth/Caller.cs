using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Visitation.ServiceDefaults.Auth;

/// <summary>
/// Who is calling: user, role and organisation, as the token's claims say, and the organisations
/// whose records the call may reach (<see cref="Organisations"/>, from the policy table). Only the
/// <see cref="AccessInterceptor"/> makes one, after it allowed the call.
/// </summary>
public sealed record Caller(string UserId, string Role, string OrganisationId)
{
    /// <summary>
    /// The organisations this call may reach: a record owned by any other is answered as if it did
    /// not exist (NOT_FOUND, the same reply as an unknown id), and lists hold only these ones'.
    /// A list (not a set) so a query can filter by it in the database (<c>= ANY(@organisations)</c>).
    /// </summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];

    /// <summary>The caller the access policy allowed for this call; refused when none was (deny by default).</summary>
    public static Caller From(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetHttpContext().Features.Get<Caller>() ?? throw AccessInterceptor.Refused();
    }

    /// <summary>True when the organisation is within this call's reach.</summary>
    public bool Reaches(string? organisationId) =>
        organisationId is not null && Organisations.Contains(organisationId, StringComparer.Ordinal);
}
