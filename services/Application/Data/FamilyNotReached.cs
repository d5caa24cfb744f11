using Visitation.Contracts.Events;

namespace Visitation.Application.Data;

/// <summary>
/// One SMS that will never reach a family (<see cref="SmsFailed"/>), on the filing office's "family not
/// reached" list (未联系上的家属) until a clerk closes it with what came of phoning them
/// (docs/family-not-reached.md). One entry per application and SMS, open or closed: the same SMS
/// reported again adds nothing, and a later SMS that does arrive leaves it open — the clerk decides.
/// </summary>
public sealed class FamilyNotReached
{
    /// <summary>The longest note a clerk may write; the input rules' free-text limit.</summary>
    public const int NoteLength = 200;

    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }

    /// <summary>The office that filed the application, copied from it: the list's scope.</summary>
    public string OfficeId { get; set; } = string.Empty;

    public Guid SmsId { get; set; }

    /// <summary>The SMS's kind as notification names it (<c>Visitation.Rules.Sms.SmsKind</c>).</summary>
    public string SmsKind { get; set; } = string.Empty;

    /// <summary>The number masked, as notification sent it: the whole number never leaves notification.</summary>
    public string PhoneMasked { get; set; } = string.Empty;

    public SmsFailureReason Reason { get; set; }
    public string? ProviderCode { get; set; }
    public DateTimeOffset FailedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public ContactOutcome? Outcome { get; set; }

    /// <summary>The clerk's note: staff text, never sent to the family; cleared with the application's personal data.</summary>
    public string? Note { get; set; }

    /// <summary>PostgreSQL's row version (xmin): two clerks closing the same entry at once cannot both win.</summary>
    public uint Version { get; set; }

    public bool IsOpen => ClosedAt is null;

    /// <summary>The clerk records what came of it; the first closing stands.</summary>
    /// <returns>Whether this call closed it.</returns>
    public bool Close(ContactOutcome outcome, string? note, string clerk, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            return false;
        }

        Outcome = outcome;
        Note = note;
        ClosedBy = clerk;
        ClosedAt = at;
        return true;
    }
}

/// <summary>What came of the clerk's attempt to reach the family.</summary>
public enum ContactOutcome
{
    ReachedByPhone,
    VisitedOffice,
    CouldNotReach,
}
