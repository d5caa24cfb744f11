namespace Visitation.Contracts.Events;

/// <summary>
/// The visit centre approved an application without some of its visitors (published with its
/// <see cref="PrisonApproved"/>, whose visitors are the ones who remain). Carries who by position and
/// relation, and why by code: no name, no number, so notification can tell the family who cannot come
/// without learning who they are (docs/visitor-refusal-and-no-shows.md).
/// </summary>
public sealed record VisitorsRemoved(
    Guid ApplicationId,
    string PrisonId,
    IReadOnlyList<RemovedFromVisit> Removed,
    string DecidedBy,
    DateTimeOffset OccurredAt);
