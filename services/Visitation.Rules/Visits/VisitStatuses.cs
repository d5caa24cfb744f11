namespace Visitation.Rules.Visits;

public static class VisitStatuses
{
    /// <summary>A visit that may still take place: it holds its terminals, and an application has at most one such visit.</summary>
    public static readonly IReadOnlyList<VisitStatus> Open = [VisitStatus.Proposed, VisitStatus.Scheduled, VisitStatus.CheckedIn];

    /// <summary>A visit the prison or venue may still cancel: not yet begun.</summary>
    public static bool Cancellable(VisitStatus status) => VisitTransitions.IsAllowed(status, VisitAction.Cancel);
}
