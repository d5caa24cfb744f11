namespace Visitation.Contracts.Events;

/// <summary>
/// The facts of an application that every later stage needs, carried along the chain so that no
/// consumer has to call back into the application service.
/// </summary>
public sealed record ApplicationDetails(
    Guid ApplicationId,
    string OfficeId,
    string CountyId,
    string VenueId,
    string InmateName,
    string PrisonId,
    string? PrisonArea,
    string VisitMonth,
    DateOnly SubmittedOn,
    IReadOnlyList<VisitorDetails> Visitors);
