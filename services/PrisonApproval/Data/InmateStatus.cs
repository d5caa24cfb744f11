namespace Visitation.PrisonApproval.Data;

/// <summary>
/// A dated status that suspends visits (RULES.md §5): confinement, investigation, a penalty after a
/// terminated visit... Kept after it ends: the rules look at dates, and the history explains refusals.
/// </summary>
public sealed class InmateStatus
{
    public Guid Id { get; set; }
    public Guid InmateId { get; set; }

    /// <summary>One of the rules library's StatusKinds.</summary>
    public string Kind { get; set; } = string.Empty;

    public DateOnly From { get; set; }

    /// <summary>Last day, inclusive; null while it has no end.</summary>
    public DateOnly? To { get; set; }

    public string Reason { get; set; } = string.Empty;
    public StatusSource Source { get; set; }
    public string SetBy { get; set; } = string.Empty;
    public DateTimeOffset SetAt { get; set; }

    /// <summary>For a penalty: the terminated visit it follows (one penalty per visit, however often the event arrives).</summary>
    public Guid? VisitId { get; set; }
}

public enum StatusSource
{
    /// <summary>From the prison's own system through the register import; replaced by each import.</summary>
    Register,

    /// <summary>Set by a visit-centre officer.</summary>
    Officer,

    /// <summary>The penalty of a terminated visit.</summary>
    Penalty,
}
