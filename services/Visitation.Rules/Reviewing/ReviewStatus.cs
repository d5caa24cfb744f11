namespace Visitation.Rules.Reviewing;

/// <summary>
/// Where an application stands at one reviewing stage (the county bureau's re-review, the visit
/// centre's approval). The names are stored as they are: renaming one is a data migration.
/// </summary>
public enum ReviewStatus
{
    /// <summary>Waiting for the stage's decision; the review clock runs.</summary>
    Pending,

    /// <summary>Approved: the application goes on to the next stage.</summary>
    Approved,

    /// <summary>Refused by a reviewer or by the rules; the family is told why.</summary>
    Rejected,

    /// <summary>The family withdrew the application before the stage decided.</summary>
    Withdrawn,

    /// <summary>The review clock ran out (stage deadline, or the visit month is over).</summary>
    Expired,

    /// <summary>Returned to the family for more material; pending again when it comes back.</summary>
    SentBack,
}
