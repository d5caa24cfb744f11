namespace Visitation.Contracts.Events;

/// <summary>
/// The family withdrew the application at their judicial office. It may overtake events about the
/// same application that are still on their way (an approval, a proposal): every stage remembers it.
/// </summary>
public sealed record ApplicationWithdrawn(
    Guid ApplicationId,
    string OfficeId,
    string Reason,
    string WithdrawnBy,
    DateTimeOffset OccurredAt);
