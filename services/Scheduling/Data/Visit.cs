using Visitation.Rules.Slots;
using Visitation.Rules.Visits;

namespace Visitation.Scheduling.Data;

/// <summary>
/// A video visit: one prison terminal and one venue terminal held from <see cref="Start"/> to
/// <see cref="BlockedUntil"/> (the visit plus changeover). A proposal holds its slot until
/// <see cref="HoldExpiresAt"/>; once the visit centre confirms, it is scheduled; on the day it is
/// checked in, held (with interruptions) and completed or terminated, or it is a no-show.
/// Its status changes only through the methods below, each checked against
/// <see cref="VisitTransitions"/>; the handlers decide when, the visit what may follow what.
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

    /// <summary>The approved visitors: the venue checks the family in against them.</summary>
    public List<BookedVisitor> Visitors { get; set; } = [];

    public DateOnly EarliestDate { get; set; }

    /// <summary>The family's preferred days (from the application): kept so every re-offer honours them too.</summary>
    public List<DateOnly> PreferredDates { get; set; } = [];

    /// <summary>"morning", "afternoon", or empty for any time.</summary>
    public string PreferredPartOfDay { get; set; } = string.Empty;

    public DateOnly Date { get; private set; }
    public TimeOnly Start { get; private set; }
    public int Minutes { get; set; }
    public TimeOnly BlockedUntil { get; private set; }
    public string PrisonTerminal { get; private set; } = string.Empty;
    public string VenueTerminal { get; private set; } = string.Empty;

    /// <summary>A new visit is a proposal; every later status comes from a transition method.</summary>
    public VisitStatus Status { get; private set; } = VisitStatus.Proposed;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset HoldExpiresAt { get; set; }
    public string? ConfirmedBy { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }

    // The day of the visit [N§10–16].
    public DateTimeOffset? CheckedInAt { get; private set; }
    public string? CheckedInBy { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Talking time of the connections already closed; with <see cref="ConnectedSince"/> it is the visit's <see cref="Call"/>.</summary>
    public TimeSpan TalkTime { get; private set; }
    public DateTimeOffset? ConnectedSince { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public string? EndedBy { get; private set; }
    public int? MinutesUsed { get; private set; }

    /// <summary>Why the visit was terminated or cancelled: a stable code and the text the family and the record read.</summary>
    public string? OutcomeReasonCode { get; private set; }
    public string? OutcomeReason { get; private set; }
    public string? Severity { get; private set; }
    public int? PenaltyMonths { get; private set; }

    /// <summary>The closure (a cancelled day or part of it) that cancelled this visit, if one did.</summary>
    public Guid? ClosureId { get; private set; }

    /// <summary>The proposal made in this visit's place after it was cancelled or its hold lapsed.</summary>
    public Guid? ReplacedBy { get; set; }

    /// <summary>PostgreSQL's row version (xmin): a confirmation, a move and a withdrawal racing cannot overwrite each other.</summary>
    public uint Version { get; set; }

    /// <summary>The call's talking time as the pure call-time rules see it.</summary>
    public CallTime Call => new(Minutes, TalkTime, ConnectedSince);

    /// <summary>Refuses <paramref name="action"/> now, before a handler checks anything else (the day, the time).</summary>
    public void EnsureAllows(VisitAction action)
    {
        if (!VisitTransitions.IsAllowed(Status, action))
        {
            throw new IllegalVisitTransitionException(Status, action);
        }
    }

    /// <summary>Takes <paramref name="slot"/>: a new proposal's, or the one the visit centre moves it to.</summary>
    public void Hold(SlotChoice slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        Date = slot.Date;
        Start = slot.Start;
        BlockedUntil = slot.BlockedUntil;
        PrisonTerminal = slot.PrisonTerminal;
        VenueTerminal = slot.VenueTerminal;
    }

    public void Confirm(SlotChoice slot, string by, DateTimeOffset now)
    {
        Move(VisitAction.Confirm);
        Hold(slot);
        ConfirmedBy = by;
        ConfirmedAt = now;
    }

    public void CheckIn(string by, DateTimeOffset now)
    {
        Move(VisitAction.CheckIn);
        CheckedInAt = now;
        CheckedInBy = by;
    }

    public void StartCall(DateTimeOffset now)
    {
        Move(VisitAction.Start);
        Store(CallTime.NotStarted(Minutes).Connect(now));
        StartedAt = now;
    }

    public void Interrupt(DateTimeOffset now)
    {
        Move(VisitAction.Interrupt);
        Store(Call.Disconnect(now));
    }

    /// <summary>Reconnects; the handler has checked there is time left and the slot still runs [N§15].</summary>
    public void Resume(DateTimeOffset now)
    {
        Move(VisitAction.Resume);
        Store(Call.Connect(now));
    }

    public void Complete(string by, DateTimeOffset now)
    {
        Move(VisitAction.Complete);
        EndCall(by, now);
    }

    /// <summary>Ends the call for a breach; the handler has checked the reason and penalty against the prison's policy.</summary>
    public void Terminate(VisitOutcome outcome, string severity, int penaltyMonths, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Move(VisitAction.Terminate);
        EndCall(outcome.By, now);
        (OutcomeReasonCode, OutcomeReason) = (outcome.ReasonCode, outcome.Reason);
        (Severity, PenaltyMonths) = (severity, penaltyMonths);
    }

    /// <summary>Calls the visit off before it began; <paramref name="closureId"/> names the closed day that did it, if one did.</summary>
    public void Cancel(VisitOutcome outcome, Guid? closureId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Move(VisitAction.Cancel);
        (OutcomeReasonCode, OutcomeReason) = (outcome.ReasonCode, outcome.Reason);
        (EndedAt, EndedBy) = (now, outcome.By);
        ClosureId = closureId;
    }

    /// <summary>The family withdrew the application: the visit is cancelled and its terminals are free again.</summary>
    public void Withdraw()
    {
        Move(VisitAction.Cancel);
        OutcomeReasonCode = "APPLICATION_WITHDRAWN";
    }

    public void Expire(DateTimeOffset now)
    {
        Move(VisitAction.Expire);
        EndedAt = now;
    }

    public void MarkNoShow(DateTimeOffset now)
    {
        Move(VisitAction.MarkNoShow);
        EndedAt = now;
    }

    /// <summary>
    /// Retention (docs/retention.md): the inmate's name and register number copied out of the
    /// application, the booked visitors and the outcome's text go; its code, the times, minutes, terminals and staff stay.
    /// </summary>
    public void Anonymise()
    {
        InmateName = string.Empty;
        InmateNumber = string.Empty;
        OutcomeReason = null;
        Visitors = [];
    }

    private void Move(VisitAction action) => Status = VisitTransitions.Apply(Status, action);

    /// <summary>The connection closes and the minutes talked are recorded (completed or terminated).</summary>
    private void EndCall(string by, DateTimeOffset now)
    {
        var call = Call.Disconnect(now);
        Store(call);
        MinutesUsed = call.MinutesUsedAt(now);
        (EndedAt, EndedBy) = (now, by);
    }

    private void Store(CallTime call)
    {
        TalkTime = call.Used;
        ConnectedSince = call.ConnectedSince;
    }
}
