namespace Visitation.Rules.Visits;

/// <summary>How far a visit got on its day, as the end of the day finds it.</summary>
public enum DayStage
{
    /// <summary>Proposed or scheduled, not checked in: the no-show timer at the start owns it, not the end of the day.</summary>
    NotCheckedIn,

    /// <summary>The family checked in at the venue; the prison never started the call.</summary>
    CheckedIn,

    /// <summary>The call started (connected, or interrupted and not resumed) and was never completed.</summary>
    InCall,

    /// <summary>Completed, terminated, cancelled, expired or a no-show: nothing left open.</summary>
    Ended,
}

public enum DayEndOutcome
{
    Nothing,

    /// <summary>Cancelled on the prison's side and re-offered: the family came, the call was not held.</summary>
    CancelNotStarted,

    /// <summary>Completed with the minutes talked so far: the visit took place, it was only never closed.</summary>
    CompleteSoFar,
}

/// <summary>
/// A visit is held on its day only [N§10]: whatever is still open at the day's end will not go on,
/// so it is closed rather than left open forever. Who is at fault decides how: a checked-in family
/// whose call never started is not (it keeps its quota and gets a new slot); a call already held is a
/// visit that took place, for the minutes it lasted.
/// </summary>
public static class DayEnd
{
    /// <summary>The last minute of the day, local time: no call runs past midnight, and every call of the day is over.</summary>
    public static readonly TimeOnly Time = new(23, 59);

    public static DateTimeOffset At(DateOnly visitDate, TimeSpan localOffset) => new(visitDate.ToDateTime(Time), localOffset);

    /// <param name="stage">Where the visit is now.</param>
    /// <param name="visitDate">The visit's date now.</param>
    /// <param name="timerDate">The date the timer was set for: a timer for another date no longer matches the visit.</param>
    public static DayEndOutcome Decide(DayStage stage, DateOnly visitDate, DateOnly timerDate)
    {
        if (visitDate != timerDate)
            return DayEndOutcome.Nothing;
        return stage switch
        {
            DayStage.CheckedIn => DayEndOutcome.CancelNotStarted,
            DayStage.InCall => DayEndOutcome.CompleteSoFar,
            _ => DayEndOutcome.Nothing,
        };
    }
}
