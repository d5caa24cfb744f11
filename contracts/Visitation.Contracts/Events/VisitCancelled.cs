namespace Visitation.Contracts.Events;

/// <summary>
/// A proposed or booked visit will not take place: cancelled by the prison or the venue (a closed
/// day, a fault), or because the inmate or a visitor may no longer visit. A cancellation never uses
/// the month's quota [N§19]; <see cref="Reoffered"/> says whether scheduling is looking for a new slot.
/// </summary>
/// <param name="ReasonCode">Stable code, e.g. DAY_CANCELLED, SUSPENDED_CONFINEMENT, INMATE_TRANSFERRED.</param>
/// <param name="Reason">Chinese text fit for the family's SMS.</param>
/// <param name="StatusId">The inmate status whose <see cref="VisitCancellationRequested"/> cancelled it, if any.</param>
/// <param name="WasScheduled">False for a proposal the visit centre had not confirmed: the family never heard of its time.</param>
public sealed record VisitCancelled(
    Guid ApplicationId,
    Guid VisitId,
    string PrisonId,
    string InmateNumber,
    string VenueId,
    DateOnly Date,
    TimeOnly StartTime,
    string ReasonCode,
    string Reason,
    bool Reoffered,
    string CancelledBy,
    DateTimeOffset OccurredAt,
    bool WasScheduled = true,
    Guid? StatusId = null);
