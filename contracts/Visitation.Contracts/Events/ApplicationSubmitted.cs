namespace Visitation.Contracts.Events;

/// <summary>A clerk submitted an application; ContactPhone is the family member told by SMS.</summary>
public sealed record ApplicationSubmitted(
    ApplicationDetails Application,
    string ContactName,
    string ContactPhone,
    string SubmittedBy,
    DateTimeOffset OccurredAt);
