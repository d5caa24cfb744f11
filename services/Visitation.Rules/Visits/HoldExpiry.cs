namespace Visitation.Rules.Visits;

/// <summary>What a hold timer that has come due should do with the proposal it was set for.</summary>
public enum HoldOutcome
{
    /// <summary>The proposal was confirmed, moved on or cancelled meanwhile: nothing to do.</summary>
    Settled,

    /// <summary>The timer came early (another instance's clock, a hold extended): set it again for the hold's end.</summary>
    StillHeld,

    /// <summary>The hold has lapsed unconfirmed: the proposal expires, its slot is freed and a new one is sought.</summary>
    Lapsed,
}

/// <summary>
/// A proposed slot is held for the visit centre for a configured time; an unconfirmed hold expires
/// (issue 5). The timer carries the hold's end it was set for, so a timer left over from an earlier
/// hold of the same visit never expires a later one.
/// </summary>
public static class HoldExpiry
{
    /// <remarks>
    /// The hold's end is compared to the millisecond: the database keeps microseconds, while the
    /// timer's copy carries every tick of the instant it was set from.
    /// </remarks>
    public static HoldOutcome Decide(bool stillProposed, DateTimeOffset holdExpiresAt, DateTimeOffset timerSetFor, DateTimeOffset now)
    {
        if (!stillProposed || (holdExpiresAt - timerSetFor).Duration() >= TimeSpan.FromMilliseconds(1))
            return HoldOutcome.Settled;
        return now >= holdExpiresAt ? HoldOutcome.Lapsed : HoldOutcome.StillHeld;
    }

    /// <summary>Whether a proposal still holds its slot at <paramref name="now"/> (the slot finder's view, before any timer ran).</summary>
    public static bool Holds(DateTimeOffset holdExpiresAt, DateTimeOffset now) => now < holdExpiresAt;
}
