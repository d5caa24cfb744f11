using Visitation.IntegrationTests.Infrastructure;
using Visitation.Messaging.Audit;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Audit;

/// <summary>Who a test expects in a row's actor columns: the caller's token, or the system.</summary>
public sealed record AuditedActor(string User, string Role, string Organisation)
{
    // The people of ChainDriver and the day-of tests, as their tokens name them.
    public static AuditedActor Clerk { get; } = new("clerk-li", Roles.Clerk, Orgs.Office);
    public static AuditedActor Reviewer { get; } = new("reviewer-zhao", Roles.Reviewer, Orgs.County);
    public static AuditedActor Officer { get; } = new("officer-sun", Roles.Officer, Orgs.Prison);
    public static AuditedActor Director { get; } = new("director-zhou", Roles.Director, Orgs.Prison);
    public static AuditedActor Venue { get; } = new("venue-wu", Roles.VenueStaff, Orgs.Venue);
    public static AuditedActor System { get; } = new(AuditActor.SystemName, AuditActor.SystemName, AuditActor.SystemName);

    /// <summary>A user no other test calls as, so that a list's row (which names no record) is found by its actor.</summary>
    public static AuditedActor Fresh(string role, string organisation) => new($"{role}-audit-{Guid.NewGuid():N}"[..32], role, organisation);

    public string Token() => VisitationSystem.Token(Role, Organisation, User);
}
