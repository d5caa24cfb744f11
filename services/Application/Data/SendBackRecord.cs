namespace Visitation.Application.Data;

/// <summary>
/// A reviewing stage's last send-back for more material (退回补正, docs/send-back.md), as the clerk sees it
/// and the resubmission answers it: the stage's id for it, what is missing (coded), the reviewer's note
/// (staff text) and the office's time to hand it in.
/// </summary>
public sealed class SendBackRecord
{
    public Guid Id { get; set; }

    /// <summary>The review clock key of the stage that sent it back: <c>county_bureau</c> or <c>prison</c>.</summary>
    public string Stage { get; set; } = string.Empty;

    public List<string> Missing { get; set; } = [];
    public string? Note { get; set; }
    public DateTimeOffset ResubmitBy { get; set; }

    /// <summary>The request id of the resubmission that answered it: a retry of it answers with the application.</summary>
    public string? ResubmitRequestId { get; set; }
}
