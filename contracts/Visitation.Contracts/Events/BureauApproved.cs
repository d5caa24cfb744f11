namespace Visitation.Contracts.Events;

public sealed record BureauApproved(
    ApplicationDetails Application,
    string DecidedBy,
    string? Note,
    DateTimeOffset OccurredAt);
