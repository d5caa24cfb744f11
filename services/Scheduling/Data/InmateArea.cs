namespace Visitation.Scheduling.Data;

/// <summary>
/// The area an inmate was last moved to (<c>InmateMovedArea</c>), kept even when the inmate has no visit yet: an
/// approval already on its way when the move committed carries the old area, and the move must win
/// (docs/reoffer-and-moves.md). Only moved inmates have a row; the others' area is the one their approval carries.
/// </summary>
public sealed class InmateArea
{
    public string PrisonId { get; set; } = string.Empty;
    public string InmateNumber { get; set; } = string.Empty;
    public string Area { get; set; } = string.Empty;

    /// <summary>When the move was made: a move delivered late never overwrites a later one.</summary>
    public DateTimeOffset MovedAt { get; set; }
}
