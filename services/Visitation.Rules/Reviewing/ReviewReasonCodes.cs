namespace Visitation.Rules.Reviewing;

/// <summary>The reason codes a reviewing stage records on its own (not from the eligibility rules).</summary>
public static class ReviewReasonCodes
{
    /// <summary>The stage's working-day deadline passed before it decided.</summary>
    public const string DeadlinePassed = "REVIEW_DEADLINE_PASSED";

    /// <summary>The visit month ended before the stage decided: no visit can be held any more.</summary>
    public const string MonthPassed = "VISIT_MONTH_PASSED";

    /// <summary>The prison's register holds no inmate of that name at that prison.</summary>
    public const string InmateNotFound = "INMATE_NOT_FOUND";

    /// <summary>A visitor's relation differs from the one the prison's relatives register holds.</summary>
    public const string RelationMismatch = "RELATION_MISMATCH";

    /// <summary>The bureau reviewer's usual code when the family's documents are incomplete (bureau_review.proto).</summary>
    public const string DocumentsIncomplete = "DOCUMENTS_INCOMPLETE";

    /// <summary>The bureau reviewer's usual code when the documents do not prove the relationship.</summary>
    public const string RelationshipUnproven = "RELATIONSHIP_UNPROVEN";

    /// <summary>
    /// The bureau reviewer's code for a reason none of the others names (bureau_review.proto); the family's
    /// SMS gives the neutral sentence for it, and the reviewer's note says the rest to the staff.
    /// </summary>
    public const string Other = "OTHER";

    /// <summary>A send-back's code on the stage's record: the application waits for more material.</summary>
    public const string MaterialRequested = "MATERIAL_REQUESTED";

    /// <summary>The office did not hand in the material a stage asked for within the policy's time: the application lapsed.</summary>
    public const string MaterialNotResubmitted = "MATERIAL_NOT_RESUBMITTED";
}
