namespace Visitation.Workflow.Audit;

/// <summary>
/// Why personal data is read, as the audit records it (PIPL art. 28: a specific purpose). Each read
/// call serves one of these; a new purpose is a new constant, never free text. (CheckEligibility
/// records the purpose code the counter states in its request.)
/// </summary>
public static class AuditPurposes
{
    /// <summary>Handling the one case opened: the clerk's application, an officer's inmate, a visit.</summary>
    public const string CaseHandling = "case_handling";

    /// <summary>Working through the caller's own queue or list.</summary>
    public const string WorkQueue = "work_queue";

    /// <summary>Running the venue's visit day (agenda, check-in).</summary>
    public const string VisitDay = "visit_day";

    /// <summary>Following up the messages sent to families.</summary>
    public const string MessageFollowUp = "message_follow_up";

    /// <summary>The audit administrator reviewing the audit trail (the audit store's searches and exports).</summary>
    public const string AuditReview = "audit_review";

    /// <summary>A manager's statistics taken out of the system (the report's CSV or Excel export).</summary>
    public const string Reporting = "reporting";
}
