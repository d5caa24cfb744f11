namespace Visitation.Contracts.Events;

/// <summary>
/// A reviewing stage approved an application without some of its visitors — the visit centre (published with its
/// <see cref="PrisonApproved"/>) or the county bureau (with its <see cref="BureauApproved"/>), whose visitors are the
/// ones who remain. Carries who by position on the application as filed and relation, and why by code: no name, no
/// number, so notification can tell the family who cannot come without learning who they are
/// (docs/visitor-refusal-and-no-shows.md).
/// </summary>
/// <param name="ByBureau">The county bureau removed them at its review (the prison has not decided yet); false: the prison.</param>
public sealed record VisitorsRemoved(
    Guid ApplicationId,
    string PrisonId,
    IReadOnlyList<RemovedFromVisit> Removed,
    string DecidedBy,
    DateTimeOffset OccurredAt,
    bool ByBureau = false);
