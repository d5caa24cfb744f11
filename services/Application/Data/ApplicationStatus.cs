namespace Visitation.Application.Data;

/// <summary>
/// Where an application stands. The order is the chain's: an event only moves the status forward,
/// so an event that arrives late never drags an application back (out-of-order tolerance).
/// </summary>
public enum ApplicationStatus
{
    Submitted = 0,
    BureauApproved = 10,
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
