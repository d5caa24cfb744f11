namespace Visitation.Rules.Eligibility;

/// <summary>
/// The stable failure codes. They are also the keys of <c>sources</c> in the policy files, so each
/// province cites its own article for the same rule.
/// </summary>
public static class RuleCodes
{
    public const string RelationNotInScope = "RELATION_NOT_IN_SCOPE";
    public const string RelationRestrictedByCrime = "RELATION_RESTRICTED_BY_CRIME";
    public const string TooManyVisitors = "TOO_MANY_VISITORS";
    public const string ChildWithoutGuardian = "CHILD_WITHOUT_GUARDIAN";
    public const string IdentityDocumentMissing = "IDENTITY_DOCUMENT_MISSING";
    public const string RelationshipProofMissing = "RELATIONSHIP_PROOF_MISSING";
    public const string RequiredDocumentMissing = "REQUIRED_DOCUMENT_MISSING";
    public const string ManagementLevelSuspended = "STRICT_MANAGEMENT_LEVEL";
    public const string MonthlyQuotaUsed = "MONTHLY_QUOTA_USED";
    public const string VisitorBarred = "VISITOR_BARRED";
    public const string AdvanceNoticeTooShort = "ADVANCE_NOTICE_TOO_SHORT";
    public const string NoVisitDayLeft = "NO_VISIT_DAY_LEFT";
    public const string InmateTransferred = "INMATE_TRANSFERRED";
    public const string InmateReleased = "INMATE_RELEASED";

    /// <summary>The family missed too many booked visits with this inmate (a policy option, <see cref="Policies.NoShowSuspensionPolicy"/>).</summary>
    public const string NoShowSuspension = "NO_SHOW_SUSPENSION";

    /// <summary>SUSPENDED_CONFINEMENT etc.: one code per status kind, so callers can tell them apart.</summary>
    public static string Suspended(string kind) => "SUSPENDED_" + StatusKinds.Normalize(kind).ToUpperInvariant();

    /// <summary>The policy's <c>sources</c> key for a status kind.</summary>
    public static string SuspensionSourceKey(string kind) => "suspension:" + StatusKinds.Normalize(kind);
}
