namespace Visitation.Application.Data;

/// <summary>
/// Where an application stands. The order is the chain's: an event only moves the status forward,
/// so an event that arrives late never drags an application back (out-of-order tolerance). Stored
/// by name; the API's twin is the proto <c>ApplicationStatus</c> with the same names.
/// </summary>
/// <remarks>
/// Allowed changes (<see cref="VisitApplication.Advance"/>, <see cref="VisitApplication.Withdraw"/>):
/// <code>
/// from               to                                     by
/// any non-final      a later status                         the chain's events (Advance)
/// any non-final      PrisonApproved, VisitProposed, also    a cancelled visit to be re-offered, a new
///                    back                                   proposal (Advance with mayRewind)
/// any non-final      Withdrawn                              the family at the office (Withdraw)
/// SentBackBy…        Submitted / BureauApproved             the office hands in the material (Resubmit)
/// any final          nothing                                -
/// </code>
/// </remarks>
public enum ApplicationStatus
{
    Submitted = 0,

    /// <summary>The bureau asked for more material (退回补正); resubmitting returns it to <see cref="Submitted"/>.</summary>
    SentBackByBureau = 5,
    BureauApproved = 10,

    /// <summary>The prison asked for more material; resubmitting returns it to <see cref="BureauApproved"/>.</summary>
    SentBackByPrison = 15,
    PrisonApproved = 20,
    VisitProposed = 30,
    Scheduled = 40,

    // Final outcomes rank above everything before them.
    BureauRejected = 100,
    PrisonRejected = 101,
    NoSlotAvailable = 102,
    Withdrawn = 103,
    Visited = 104,
    NoShow = 105,
    VisitTerminated = 106,
    VisitCancelled = 107,
}
