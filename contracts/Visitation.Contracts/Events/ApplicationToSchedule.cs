namespace Visitation.Contracts.Events;

/// <summary>
/// What scheduling needs of an approved application to propose a visit and check the family in on
/// the day, and nothing more: the visitors as the venue's door needs them (<see cref="ScheduledVisitor"/>:
/// no documents, no full numbers; docs/data-minimisation.md). The names are those of
/// <see cref="ApplicationDetails"/>, so a <see cref="PrisonApproved"/> written with the whole
/// application before this version still reads (the visitors' other fields are ignored).
/// </summary>
/// <param name="InmateName">As the family gave it: the venue's visit list names the inmate.</param>
public sealed record ApplicationToSchedule(
    Guid ApplicationId,
    string CountyId,
    string VenueId,
    string InmateName,
    string PrisonId,
    string VisitMonth,
    DateOnly SubmittedOn,
    IReadOnlyList<DateOnly>? PreferredDates = null,
    string? PreferredPartOfDay = null,
    IReadOnlyList<ScheduledVisitor>? Visitors = null)
{
    /// <summary>The scheduling part of an application the prison approves.</summary>
    public static ApplicationToSchedule Of(ApplicationDetails application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return new(application.ApplicationId, application.CountyId, application.VenueId, application.InmateName, application.PrisonId,
            application.VisitMonth, application.SubmittedOn, application.PreferredDates, application.PreferredPartOfDay,
            [.. application.Visitors.Select(ScheduledVisitor.Of)]);
    }
}
