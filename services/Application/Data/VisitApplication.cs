using Visitation.Rules.Calendars;

namespace Visitation.Application.Data;

/// <summary>A family's application as the judicial office filed it, and where it stands now.</summary>
public sealed class VisitApplication
{
    public Guid Id { get; set; }
    public string RequestId { get; set; } = string.Empty;

    /// <summary>The submission's <see cref="ServiceDefaults.Grpc.RequestFingerprint"/>: the request id answers only a retry of the same body; null on rows filed before it existed.</summary>
    public string? RequestHash { get; set; }
    public string OfficeId { get; set; } = string.Empty;
    public string CountyId { get; set; } = string.Empty;
    public string VenueId { get; set; } = string.Empty;
    public string PrisonId { get; set; } = string.Empty;
    public string InmateName { get; set; } = string.Empty;
    public string? PrisonArea { get; set; }
    public string VisitMonth { get; set; } = string.Empty;

    /// <summary>The family's preferred days of the month, in date order; empty when any day suits.</summary>
    public List<DateOnly> PreferredDates { get; set; } = [];

    /// <summary>"morning", "afternoon", or empty when any time suits.</summary>
    public string PreferredPartOfDay { get; set; } = string.Empty;

    public DateTimeOffset SubmittedAt { get; set; }
    public string SubmittedBy { get; set; } = string.Empty;
    /// <summary>Changes only through <see cref="Advance"/> and <see cref="Withdraw"/>; a new application is submitted.</summary>
    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Submitted;

    /// <summary>Whether the application has reached a final outcome: nothing moves it on from there.</summary>
    public bool IsFinal => Status >= ApplicationStatus.BureauRejected;
    public Guid? VisitId { get; set; }
    public DateOnly? VisitDate { get; set; }
    public TimeOnly? VisitStart { get; set; }
    public int? VisitMinutes { get; set; }
    public List<ApplicationVisitor> Visitors { get; set; } = [];

    /// <summary>What a reviewing stage last sent the application back for (docs/send-back.md); null if never.</summary>
    public SendBackRecord? SendBack { get; set; }
    public List<TimelineRecord> Timeline { get; set; } = [];

    /// <summary>PostgreSQL's row version (xmin): two writers racing on one application cannot both win.</summary>
    public uint Version { get; set; }

    /// <summary>
    /// Moves the application to what a stage of the chain reports. It goes forward only, so a late
    /// or reordered event never drags it back; <paramref name="mayRewind"/> lets it go back to an
    /// earlier step (a new proposal after a cancelled visit). A final outcome is never left, but for one:
    /// <paramref name="reopensCancelled"/> lets a new proposal follow a visit cancelled without an offer (a suspension
    /// without an end, ended early: docs/reoffer-and-moves.md).
    /// </summary>
    /// <returns>Whether the status changed.</returns>
    public bool Advance(ApplicationStatus next, bool mayRewind, bool reopensCancelled = false)
    {
        if (reopensCancelled && Status == ApplicationStatus.VisitCancelled)
        {
            Status = next;
            return true;
        }

        if (IsFinal || (next <= Status && !mayRewind))
        {
            return false;
        }

        Status = next;
        return true;
    }

    /// <summary>
    /// Retention (docs/retention.md): the inmate's name, the visitors' names and numbers and every
    /// free text of the timeline go; ids, places, the month, dates, statuses, the visitors' relations
    /// and ages stay. The request's fingerprint goes too: it is a hash of a body that held them.
    /// </summary>
    public void Anonymise()
    {
        var submittedOn = DateOnly.FromDateTime(SubmittedAt.ToOffset(ChinaTime.Offset).DateTime);
        InmateName = string.Empty;
        RequestHash = null;
        foreach (var visitor in Visitors)
        {
            visitor.Anonymise(submittedOn);
        }

        foreach (var step in Timeline)
        {
            step.Detail = null;
        }

        if (SendBack is not null)
        {
            SendBack.Note = null;
        }
    }

    /// <summary>Whether a reviewing stage waits for the office's material.</summary>
    public bool IsSentBack => Status is ApplicationStatus.SentBackByBureau or ApplicationStatus.SentBackByPrison;

    /// <summary>
    /// The office handed the material in: the application returns to the stage that sent it back
    /// (<paramref name="requestId"/> answers a retry). Only a sent-back application can be resubmitted.
    /// </summary>
    public void Resubmit(string requestId)
    {
        if (!IsSentBack || SendBack is null)
        {
            throw new InvalidOperationException($"Application {Id} is {Status}: only a sent-back application is resubmitted.");
        }

        Status = Status == ApplicationStatus.SentBackByBureau ? ApplicationStatus.Submitted : ApplicationStatus.BureauApproved;
        SendBack.ResubmitRequestId = requestId;
    }

    /// <summary>The family withdraws; only an application without a final outcome can be withdrawn.</summary>
    public void Withdraw()
    {
        if (IsFinal)
        {
            throw new InvalidOperationException($"Application {Id} is {Status}: a final outcome cannot be withdrawn.");
        }

        Status = ApplicationStatus.Withdrawn;
    }
}
