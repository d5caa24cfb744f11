namespace Visitation.Rules.Sms;

/// <summary>The outcomes a family is told about by SMS (RULES.md §6.4).</summary>
public enum SmsKind
{
    Received,
    BureauRejected,
    PrisonRejected,
    Scheduled,
    Unavailable,

    /// <summary>A visit cancelled with no new slot to follow (e.g. the inmate was suspended).</summary>
    Cancelled,

    /// <summary>A visit cancelled by the prison or the venue; a new time follows [N§19].</summary>
    CancelledReoffered,

    /// <summary>The day before the visit.</summary>
    Reminder,

    /// <summary>An approved application whose proposed time (never told to the family) had to be dropped, with nothing to replace it.</summary>
    NotArranged,

    /// <summary>A reviewing stage sent the application back for more material (退回补正): what to bring, and by when.</summary>
    SentBack,

    /// <summary>The visit is approved, but the visit centre removed one or more visitors: who cannot come, and why in one neutral sentence.</summary>
    VisitorsRemoved,

    /// <summary>The county bureau passed the application on to the prison without one or more visitors: who cannot come, and why.</summary>
    VisitorsRemovedAtReview,
}
