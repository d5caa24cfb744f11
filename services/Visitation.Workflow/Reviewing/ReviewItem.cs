using Visitation.Contracts.Events;
using Visitation.Rules.Calendars;
using Visitation.Rules.Eligibility;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Reviewing;
using Visitation.Workflow.Audit;
using Visitation.Workflow.Retention;

namespace Visitation.Workflow.Reviewing;

/// <summary>
/// An application at one reviewing stage: what every stage records about it, and the only way its
/// status changes. Each stage maps its own table (the bureau's reviews, the prison's approvals) and
/// adds what only it knows; the moves are <see cref="ReviewStateMachine"/>'s, for every stage.
/// </summary>
public abstract class ReviewItem
{
    public Guid ApplicationId { get; private set; }
    public ApplicationDetails Application { get; private set; } = null!;
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The end of the stage's review clock; past it, the application expires.</summary>
    public DateTimeOffset? DueBy { get; private set; }

    /// <summary>The visit month's first day, copied out of the application: the clock expires a review whose month is over.</summary>
    public DateOnly VisitMonthStart { get; private set; }

    public ReviewStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? ReasonCode { get; private set; }

    /// <summary>The family's reason text for a refusal or expiry; the reviewer's note for an approval.</summary>
    public string? Reason { get; private set; }

    /// <summary>The last send-back for more material (退回补正); a resubmission answers this one, or is ignored.</summary>
    public Guid? SendBackId { get; private set; }

    /// <summary>While sent back: the coded items asked for (Rules <c>MissingMaterials</c>).</summary>
    public List<string> Missing { get; private set; } = [];

    /// <summary>While sent back: the stage's working days left when it sent the application back (<see cref="SendBackClock"/>).</summary>
    public int? WorkingDaysLeft { get; private set; }

    /// <summary>
    /// The visitors the stage refused when it approved the application for the others, by their position on the
    /// application as filed (docs/visitor-refusal-and-no-shows.md); empty otherwise.
    /// </summary>
    public List<RemovedFromVisit> RemovedVisitors { get; private set; } = [];

    /// <summary>PostgreSQL's row version (xmin): two decisions racing cannot both be recorded.</summary>
    public uint Version { get; set; }

    /// <summary>Which stage this is: its texts and its review clock.</summary>
    public abstract ReviewStage Stage { get; }

    /// <summary>
    /// The organisation the application belongs to at this stage (the bureau's: the office that filed
    /// it; the prison's: the prison): the owner of its audit rows, whose audit administrator sees them.
    /// </summary>
    public abstract string OwningOrganisation { get; }

    /// <summary>The application as this stage's audit rows name it.</summary>
    public AuditedRecord Audited() => new("application", ApplicationId.ToString(), OwningOrganisation);

    /// <summary>Every rule a refusal named; a stage that keeps none answers with the reason code alone.</summary>
    public virtual IReadOnlyList<RuleFailure> FailuresOnRecord() => [];

    /// <summary>What a reviewer's decision comes to here: a move, a repeat of the recorded one, or a refusal.</summary>
    public ReviewTransition Attempt(ReviewStatus decision) => ReviewStateMachine.Decide(Stage, Status, decision);

    /// <summary>Why the review clock expires this review now, or null while time is left.</summary>
    public RuleFailure? ExpiryReason(DateTimeOffset now, DateOnly thisMonthStart) =>
        ReviewExpiry.ReasonFor(Stage, DueBy, VisitMonthStart, now, thisMonthStart, awaitingMaterial: Status == ReviewStatus.SentBack);

    /// <param name="removed">The visitors approved without (<see cref="VisitorRemovalRequest"/>); none when null.</param>
    public void Approve(string decidedBy, DateTimeOffset at, string? note = null, IReadOnlyList<RemovedFromVisit>? removed = null)
    {
        Move(ReviewStatus.Approved, decidedBy, at, null, note);
        RemovedVisitors = [.. removed ?? []];
    }

    /// <summary>Refuses with every broken rule: the first is the reason code, the family reads all of them.</summary>
    public void Reject(IReadOnlyList<RuleFailure> failures, string decidedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(failures);
        Move(ReviewStatus.Rejected, decidedBy, at, failures[0].Code, Decisions.ReasonText(failures));
        KeepFailures(failures);
    }

    /// <summary>
    /// Sends the application back for more material: the stage's clock pauses with <paramref name="workingDaysLeft"/>
    /// kept, and <see cref="DueBy"/> becomes the office's time to hand the material in (past it the clock expires it).
    /// The reviewer's note is kept as the decision's text, for the staff.
    /// </summary>
    public void SendBack(IReadOnlyList<string> missing, string? note, string decidedBy, DateTimeOffset at, int workingDaysLeft, DateTimeOffset resubmitBy)
    {
        ArgumentNullException.ThrowIfNull(missing);
        Move(ReviewStatus.SentBack, decidedBy, at, ReviewReasonCodes.MaterialRequested, note);
        SendBackId = Guid.CreateVersion7();
        Missing = [.. missing];
        WorkingDaysLeft = workingDaysLeft;
        DueBy = resubmitBy;
    }

    /// <summary>
    /// The office handed in the material of send-back <paramref name="sendBackId"/>: the corrected application
    /// is reviewed again, pending, with the stage's days left counted from the day after <paramref name="at"/>.
    /// False (nothing changes) when that send-back is not the one waiting: resumed already, lapsed, withdrawn.
    /// </summary>
    public bool Resume(ApplicationDetails corrected, Guid sendBackId, ReferenceDataSet reference, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        if (Status != ReviewStatus.SentBack || SendBackId != sendBackId)
        {
            return false;
        }

        Application = corrected;
        DueBy = SendBackClock.Resumed(reference, WorkingDaysLeft ?? 0, at);
        Status = ReviewStatus.Pending;
        DecidedBy = null;
        DecidedAt = null;
        ReasonCode = null;
        Reason = null;
        Missing = [];
        WorkingDaysLeft = null;
        return true;
    }

    /// <summary>The review clock ran out; recorded as decided by the clock, and told like a refusal.</summary>
    public void Expire(RuleFailure reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Move(ReviewStatus.Expired, ReviewClock.Actor, at, reason.Code, reason.Message);
        KeepFailures([reason]);
    }

    /// <summary>
    /// Withdraws an undecided review. One the stage already decided stays as it was: a withdrawal
    /// after the decision is the later stages' business, and the decision remains on record.
    /// </summary>
    public void Withdraw()
    {
        if (ReviewStateMachine.CanMove(Status, ReviewStatus.Withdrawn))
        {
            Status = ReviewStatus.Withdrawn;
        }
    }

    /// <summary>
    /// Retention (docs/retention.md): the snapshot keeps what the statistics need and loses names and
    /// numbers (<see cref="AnonymousDetails"/>); the decision keeps its code and loses its text (a
    /// reviewer's words). Status, times and deciders stay. A stage that copies more out adds it.
    /// </summary>
    public virtual void Anonymise()
    {
        Application = AnonymousDetails.Of(Application);
        Reason = null;
    }

    /// <summary>Starts the review of an application that has just reached the stage.</summary>
    protected void Start(ApplicationDetails application, DateTimeOffset receivedAt, DateTimeOffset dueBy, bool alreadyWithdrawn)
    {
        ArgumentNullException.ThrowIfNull(application);
        ApplicationId = application.ApplicationId;
        Application = application;
        ReceivedAt = receivedAt;
        DueBy = dueBy;
        VisitMonthStart = VisitMonth.Parse(application.VisitMonth).FirstDay;
        // A withdrawal that overtook the application leaves nothing to review.
        Status = alreadyWithdrawn ? ReviewStatus.Withdrawn : ReviewStatus.Pending;
    }

    /// <summary>For a stage that keeps every rule a refusal named (the prison lists them all to the officer).</summary>
    protected virtual void KeepFailures(IReadOnlyList<RuleFailure> failures)
    {
    }

    private void Move(ReviewStatus to, string decidedBy, DateTimeOffset at, string? reasonCode, string? reason)
    {
        if (!ReviewStateMachine.CanMove(Status, to))
        {
            throw new InvalidOperationException($"A review of {ApplicationId} cannot go from {Status} to {to}.");
        }

        Status = to;
        DecidedBy = decidedBy;
        DecidedAt = at;
        ReasonCode = reasonCode;
        Reason = reason;
    }
}
