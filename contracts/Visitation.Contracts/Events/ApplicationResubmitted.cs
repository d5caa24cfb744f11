namespace Visitation.Contracts.Events;

/// <summary>
/// The office handed in the material a stage sent the application back for: <see cref="Application"/> is
/// the application as corrected (masked ID numbers and visitor keys, like <see cref="ApplicationSubmitted"/>),
/// for the stage named by <see cref="Stage"/> to resume its review with. A stage whose send-back
/// <see cref="SendBackId"/> is not the one waiting (it lapsed, it was withdrawn) ignores it.
/// </summary>
[CarriesPersonalData]
public sealed record ApplicationResubmitted(
    ApplicationDetails Application,
    Guid SendBackId,
    string Stage,
    string? Note,
    string ResubmittedBy,
    DateTimeOffset OccurredAt);
