namespace Visitation.Scheduling.Data;

/// <summary>
/// A video visit: one prison terminal and one venue terminal held from <see cref="Start"/> to
/// <see cref="BlockedUntil"/> (the visit plus changeover). A proposal holds its slot until
/// <see cref="HoldExpiresAt"/>; once the visit centre confirms, it is scheduled; on the day it is
/// checked in, held (with interruptions) and completed or terminated, or it is a no-show.
/// </summary>
public sealed class Visit
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public string PrisonId { get; set; } = string.Empty;
    public string PrisonArea { get; set; } = string.Empty;
    public string VenueId { get; set; } = string.Empty;
    public string CountyId { get; set; } = string.Empty;
    public string InmateName { get; set; } = string.Empty;

    /// <summary>The inmate's register number: every outcome of the visit names it, so prison approval can book quota and penalties.</summary>
    public string InmateNumber { get; set; } = string.Empty;

    public string VisitMonth { get; set; } = string.Empty;
    public DateOnly EarliestDate { get; set; }

    /// <summary>The family's preferred days (from the application): kept so every re-offer honours them too.</summary>
    public List<DateOnly> PreferredDates { get; set; } = [];

    /// <summary>"morning", "afternoon", or empty for any time.</summary>
    public string PreferredPartOfDay { get; set; } = string.Empty;

    public DateOnly Date { get; set; }
    public TimeOnly Start { get; set; }
    public int Minutes { get; set; }
    public TimeOnly BlockedUntil { get; set; }
    public string PrisonTerminal { get; set; } = string.Empty;
    public string VenueTerminal { get; set; } = string.Empty;
    public VisitStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset HoldExpiresAt { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }

    // The day of the visit [N§10–16].
    public DateTimeOffset? CheckedInAt { get; set; }
    public string? CheckedInBy { get; set; }
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Talking time of the connections already closed; with <see cref="ConnectedSince"/> it is the visit's <c>CallTime</c>.</summary>
    public TimeSpan TalkTime { get; set; }
    public DateTimeOffset? ConnectedSince { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedBy { get; set; }
    public int? MinutesUsed { get; set; }

    /// <summary>Why the visit was terminated or cancelled: a stable code and the text the family and the record read.</summary>
    public string? OutcomeReasonCode { get; set; }
    public string? OutcomeReason { get; set; }
    public string? Severity { get; set; }
    public int? PenaltyMonths { get; set; }

    /// <summary>The closure (a cancelled day or part of it) that cancelled this visit, if one did.</summary>
    public Guid? ClosureId { get; set; }

    /// <summary>The proposal made in this visit's place after it was cancelled or its hold lapsed.</summary>
    public Guid? ReplacedBy { get; set; }

    /// <summary>PostgreSQL's row version (xmin): a confirmation, a move and a withdrawal racing cannot overwrite each other.</summary>
    public uint Version { get; set; }
}

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

public static class VisitStatuses
{
    /// <summary>A visit that may still take place: it holds its terminals, and an application has at most one such visit.</summary>
    public static readonly IReadOnlyList<VisitStatus> Open = [VisitStatus.Proposed, VisitStatus.Scheduled, VisitStatus.CheckedIn];

    /// <summary>A visit the prison or venue may still cancel: not yet begun.</summary>
    public static bool Cancellable(VisitStatus status) => Open.Contains(status);
}
