namespace Visitation.Workflow.Audit;

/// <summary>
/// The closed list of what the audit records (docs/audit.md). A new kind of action is a new member
/// here, never free text. The reads of personal data, searches and exports are listed in
/// <see cref="AuditEvents.Reads"/>: they go to the chain kept three years.
/// </summary>
public enum AuditEvent
{
    // Application
    ApplicationSubmitted,
    ApplicationWithdrawn,
    ApplicationResubmitted,

    /// <summary>An SMS that will never reach the family put its application on the office's "family not reached" list (system).</summary>
    FamilyNotReachedListed,

    /// <summary>A clerk closed an entry of that list with what came of contacting the family.</summary>
    FamilyNotReachedClosed,

    // Bureau review
    ReviewApproved,
    ReviewRejected,
    ReviewExpired,
    ReviewSentBack,
    ReviewResumed,

    // Prison approval
    ApprovalApproved,
    ApprovalRejected,
    ApprovalExpired,
    ApprovalSentBack,
    ApprovalResumed,
    RegisterImported,
    InmateDepartureRecorded,
    InmateStatusSet,
    InmateStatusEnded,
    InmateAreaMoved,
    VisitorBarred,
    SpecialApprovalRecorded,
    OnSiteVisitRecorded,

    // Scheduling
    VisitProposed,
    ProposalLapsed,
    VisitConfirmed,
    VisitMoved,
    VisitCheckedIn,
    VisitStarted,
    VisitInterrupted,
    VisitResumed,
    VisitCompleted,
    VisitTerminated,
    VisitNoShow,
    VisitCancelled,
    DayClosed,
    ClosureReopened,

    // Identity: sign-ins (the account acts for itself) and account administration
    SignInSucceeded,
    SignInFailed,
    AccountLockedOut,
    SignedOut,
    RefreshRefused,
    FactorEnrolled,
    AccountCreated,
    AccountRoleChanged,
    AccountDisabled,
    PasswordReset,
    AccountEnabled,
    AccountUnlocked,
    FactorReset,
    SigningKeyStaged,

    // Reference data and the audit itself
    ReferenceDataLoaded,
    PolicyLoaded,
    AuditPurged,

    // Retention: a closed application's personal data anonymised (every chain service, by the system)
    PersonalDataAnonymised,

    // Reads of personal data, searches and exports
    EligibilityQueried,
    ApplicationRead,
    ApplicationsSearched,
    ReviewsListed,
    ApprovalsListed,
    InmateRead,
    VisitRead,
    AgendaRead,
    ProposalsListed,
    MessagesListed,
    AuditSearched,
    Exported,

    /// <summary>The visit centre's list of booked visits a change of circumstances cancelled.</summary>
    AffectedVisitsListed,
    // Reports: an export of the managers' figures (counts only, but what left the system and with which filters is recorded)
    ReportExported,

    /// <summary>The office's "family not reached" list read (masked phones, inmates' names).</summary>
    FamiliesNotReachedRead,
}

public static class AuditEvents
{
    /// <summary>The events that read personal data: kept three years (PIPL arts. 55–56), so in the reads chain.</summary>
    public static IReadOnlySet<AuditEvent> Reads { get; } = new HashSet<AuditEvent>
    {
        AuditEvent.EligibilityQueried,
        AuditEvent.ApplicationRead,
        AuditEvent.ApplicationsSearched,
        AuditEvent.ReviewsListed,
        AuditEvent.ApprovalsListed,
        AuditEvent.InmateRead,
        AuditEvent.VisitRead,
        AuditEvent.AgendaRead,
        AuditEvent.ProposalsListed,
        AuditEvent.MessagesListed,
        AuditEvent.AuditSearched,
        AuditEvent.Exported,
        AuditEvent.AffectedVisitsListed,
        AuditEvent.ReportExported,
        AuditEvent.FamiliesNotReachedRead,
    };
}
