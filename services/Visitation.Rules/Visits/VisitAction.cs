namespace Visitation.Rules.Visits;

/// <summary>What can happen to a visit; each leads to exactly one status (<see cref="VisitTransitions"/>).</summary>
public enum VisitAction
{
    /// <summary>The visit centre confirms the proposal (or moves it to another free slot).</summary>
    Confirm,

    /// <summary>The venue checks the family in on the day, before the start [N§10–11].</summary>
    CheckIn,

    /// <summary>The prison starts the call.</summary>
    Start,

    /// <summary>The call broke off unexpectedly [N§15].</summary>
    Interrupt,

    /// <summary>Reconnected for the remaining time only [N§15].</summary>
    Resume,

    /// <summary>The call ended normally (by the prison, or closed at the day's end).</summary>
    Complete,

    /// <summary>The prison ended the call for a breach (RULES.md §7).</summary>
    Terminate,

    /// <summary>Called off before it began: by the prison or venue [N§19], prison approval, or a withdrawal.</summary>
    Cancel,

    /// <summary>The proposal's hold lapsed unconfirmed.</summary>
    Expire,

    /// <summary>Nobody checked in by the start: the family forfeited the visit [N§10–11].</summary>
    MarkNoShow,
}
