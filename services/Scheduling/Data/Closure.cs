namespace Visitation.Scheduling.Data;

/// <summary>
/// A prison or a venue closed for visits on a date [N§19]: the whole day, or narrowed to one
/// terminal and/or a time range. Stored as data, so a blocked date is an API call, never a code
/// change; the slot finder places no visit in it.
/// </summary>
public sealed class Closure
{
    public Guid Id { get; set; }

    /// <summary>Set for a closure of the prison's side; <see cref="VenueId"/> for the venue's side.</summary>
    public string? PrisonId { get; set; }
    public string? VenueId { get; set; }
    public DateOnly Date { get; set; }
    public string? TerminalId { get; set; }
    public TimeOnly? From { get; set; }
    public TimeOnly? To { get; set; }
    public string Cause { get; set; } = string.Empty;
    public string Reason { get; set; } = string.Empty;
    public string CreatedBy { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Set when the side that closed it lifts it: the row stays (the visits it cancelled still name
    /// it, and reopening twice must answer the same), but the slot finder no longer blocks it.
    /// </summary>
    public DateTimeOffset? ReopenedAt { get; set; }
    public string? ReopenedBy { get; set; }

    /// <summary>Whether the closure covers <paramref name="visit"/>'s terminals and time (the caller checks the side).</summary>
    public bool Touches(Visit visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return (TerminalId is null || TerminalId == visit.PrisonTerminal || TerminalId == visit.VenueTerminal)
            && (From is null || (visit.Start < To && From < visit.BlockedUntil));
    }
}
