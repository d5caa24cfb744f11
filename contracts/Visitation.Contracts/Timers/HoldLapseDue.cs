namespace Visitation.Contracts.Timers;

/// <summary>
/// Scheduling's own timer (sent to itself through its scheduled_messages, never published): the hold
/// of a proposal set to end at <see cref="HoldExpiresAt"/> is due to lapse.
/// </summary>
public sealed record HoldLapseDue(Guid VisitId, DateTimeOffset HoldExpiresAt);
