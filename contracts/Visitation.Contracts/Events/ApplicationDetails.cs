namespace Visitation.Contracts.Events;

/// <summary>
/// The facts of an application that every later stage needs, carried along the chain so that no
/// consumer has to call back into the application service.
/// </summary>
/// <param name="PreferredDates">The family's preferred days of the visit month; null in messages written before preferences existed.</param>
/// <param name="PreferredPartOfDay">"morning", "afternoon", or null/empty for any time.</param>
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
    IReadOnlyList<VisitorDetails> Visitors,
    // Trailing and defaulted: messages and stored snapshots written before preferences still read.
    IReadOnlyList<DateOnly>? PreferredDates = null,
    string? PreferredPartOfDay = null);
