using Visitation.Contracts.Grpc.PrisonApproval;

namespace Visitation.Console.Pages.VisitCentre.Inmates;

/// <summary>A status the officer sets (SetInmateStatus's StatusInput).</summary>
public sealed class StatusForm
{
    public InmateStatusKind? Kind { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Reason { get; set; }
}

/// <summary>An early end of an officer's or a penalty's status (EndInmateStatus).</summary>
public sealed class StatusEndForm
{
    public string? StatusId { get; set; }

    public string? LastDay { get; set; }
}

/// <summary>A change of custody (RecordDeparture).</summary>
public sealed class DepartureForm
{
    public DepartureKind? Kind { get; set; }

    public string? On { get; set; }

    public string? TransferredTo { get; set; }
}

/// <summary>A move to another area of the prison (MoveInmateArea).</summary>
public sealed class AreaMoveForm
{
    public string? PrisonArea { get; set; }
}

/// <summary>A visitor barred from the prison's visits (BarVisitor).</summary>
public sealed class BarForm
{
    public string? IdNumber { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Reason { get; set; }
}

/// <summary>A visit held in the prison's own visiting room (RecordOnSiteVisit); the request id is the form's, so a double submit counts once.</summary>
public sealed class OnSiteForm
{
    public string RequestId { get; set; } = Guid.NewGuid().ToString();

    public string? Date { get; set; }

    public string? Note { get; set; }

    /// <summary>Why it is entered off the area's on-site day or beside a booked video visit (the service asks only then).</summary>
    public string? OverrideReason { get; set; }
}

/// <summary>A paper special approval the director records (RecordSpecialApproval).</summary>
public sealed class SpecialApprovalForm
{
    public SpecialApprovalKind? Kind { get; set; }

    public string? Month { get; set; }

    public List<SpecialApprovalLevel> ApprovedBy { get; set; } = [];

    public string? Signatories { get; set; }

    public string? Reason { get; set; }
}
