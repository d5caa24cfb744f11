namespace Visitation.ServiceDefaults.Clock;

/// <summary>
/// <c>TrainingClock:Now</c> puts the services on a shifted clock, so a visit centre can rehearse the
/// day of a visit; <c>TrainingClock:SetAt</c> is the real instant at which the clock read
/// <see cref="Now"/> (give every process the same pair and they agree; left out, the process's own
/// start). Unset, the services run on the real clock. Refused in the Production environment.
/// </summary>
public sealed class TrainingClockOptions
{
    public const string Section = "TrainingClock";

    /// <summary>What the services' clock read at <see cref="SetAt"/>, with its offset (e.g. 2026-03-13T08:30:00+08:00).</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>The real instant at which the clock read <see cref="Now"/>.</summary>
    public DateTimeOffset? SetAt { get; set; }
}
