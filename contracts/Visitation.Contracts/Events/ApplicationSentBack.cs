namespace Visitation.Contracts.Events;

/// <summary>
/// A reviewing stage sent the application back to its office for more material (退回补正): the stage's
/// clock pauses. <see cref="Missing"/> are the coded items (Rules <c>MissingMaterials</c>) the family's SMS
/// names; <see cref="Note"/> is the reviewer's staff text for the office and never reaches an SMS.
/// <see cref="SendBackId"/> names this send-back: its SMS is keyed by it, and the resubmission answers it.
/// </summary>
/// <param name="Stage">The review clock key of the stage that sent it back (<c>county_bureau</c>, <c>prison</c>).</param>
public sealed record ApplicationSentBack(
    Guid ApplicationId,
    Guid SendBackId,
    string Stage,
    string OfficeId,
    IReadOnlyList<string> Missing,
    string? Note,
    DateTimeOffset ResubmitBy,
    string DecidedBy,
    DateTimeOffset OccurredAt);
