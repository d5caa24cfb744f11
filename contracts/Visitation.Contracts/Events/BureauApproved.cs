namespace Visitation.Contracts.Events;

[CarriesPersonalData]
public sealed record BureauApproved(
    ApplicationDetails Application,
    string DecidedBy,
    string? Note,
    DateTimeOffset OccurredAt);
