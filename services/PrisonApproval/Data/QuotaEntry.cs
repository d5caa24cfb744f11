namespace Visitation.PrisonApproval.Data;

/// <summary>
/// One visit in an inmate's monthly quota ledger. Video and on-site visits draw on the same quota
/// ([Y 三1], [N§5]). A video visit is entered when the prison approves it (Booked), so a second
/// application in the same month is judged with the first one counted, then follows the visit.
/// </summary>
public sealed class QuotaEntry
{
    public Guid Id { get; set; }
    public Guid InmateId { get; set; }

    /// <summary>yyyy-MM: the quota's unit.</summary>
    public string Month { get; set; } = string.Empty;

    /// <summary>The visit day, once known (video visits learn it when scheduled).</summary>
    public DateOnly? Date { get; set; }

    /// <summary>
    /// The day scheduling proposed for the visit while the visit centre has not confirmed it (a proposal holds its day
    /// as a confirmed visit does): counted by the one-visit-a-day limit (<see cref="Features.Eligibility.InmateFacts"/>),
    /// nothing else. Left behind once <see cref="Date"/> is known or the entry no longer booked, and then not read.
    /// </summary>
    public DateOnly? ProposedOn { get; set; }

    /// <summary>video or on_site.</summary>
    public string Mode { get; set; } = string.Empty;

    /// <summary>The rules library's CountedVisit outcome: booked, held, no_show or cancelled.</summary>
    public string Outcome { get; set; } = string.Empty;

    public Guid? ApplicationId { get; set; }

    /// <summary>For entries made through the API: the caller's idempotency key, so a retried call counts once.</summary>
    public string? RequestId { get; set; }

    /// <summary>The call's <see cref="ServiceDefaults.Grpc.RequestFingerprint"/>: the request id answers only a retry of the same call; null on rows made before it existed.</summary>
    public string? RequestHash { get; set; }
    public Guid? VisitId { get; set; }
    public string RecordedBy { get; set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; set; }
    public int? MinutesUsed { get; set; }

    /// <summary>When the latest report about the visit that was applied happened: an older one arriving late is ignored.</summary>
    public DateTimeOffset? VisitReportedAt { get; set; }
    public string Note { get; set; } = string.Empty;

    /// <summary>
    /// The inmate status (a suspension without an end) whose cancellation gave this visit's quota back; ending the
    /// status early re-offers the visit (docs/reoffer-and-moves.md). Null otherwise, and once re-offered.
    /// </summary>
    public Guid? CancelledByStatus { get; set; }

    /// <summary>Why an on-site visit was entered despite its warnings (<see cref="Rules.Visits.OnSiteVisitChecks"/>); empty when it had none.</summary>
    public string OverrideReason { get; set; } = string.Empty;
}
