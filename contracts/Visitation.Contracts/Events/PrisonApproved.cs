namespace Visitation.Contracts.Events;

/// <summary>
/// The visit centre confirmed relationship and eligibility. Carries what scheduling needs:
/// the application without its visitors (<see cref="ApplicationToSchedule"/>), the inmate's real
/// area, the visit length and the advance notice the prison's policy demands.
/// <see cref="AvoidDays"/> are the month's days the inmate or a visitor may not visit on (a
/// suspension covering part of the month): the approval holds for the other days only.
/// </summary>
[CarriesPersonalData]
public sealed record PrisonApproved(
    ApplicationToSchedule Application,
    string InmateNumber,
    string PrisonArea,
    bool JuvenileInmate,
    int VisitMinutes,
    int AdvanceDays,
    string DecidedBy,
    DateTimeOffset OccurredAt,
    IReadOnlyList<DayRange>? AvoidDays = null);
