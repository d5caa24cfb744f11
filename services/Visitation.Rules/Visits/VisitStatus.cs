namespace Visitation.Rules.Visits;

/// <summary>
/// Where a video visit stands. Stored by name (the database column holds <c>Proposed</c>,
/// <c>Scheduled</c>…), so a value is never renamed; <see cref="VisitTransitions"/> says how one
/// becomes another.
/// </summary>
public enum VisitStatus
{
    Proposed,
    Scheduled,
    CheckedIn,
    InProgress,
    Interrupted,
    Completed,
    NoShow,
    Terminated,
    Cancelled,

    /// <summary>A proposal whose hold lapsed unconfirmed; its slot is free and a new proposal took its place.</summary>
    Expired,
}
