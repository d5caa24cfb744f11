namespace Visitation.Workflow.Withdrawals;

/// <summary>
/// Remembers that an application was withdrawn, even when the withdrawal arrives before anything
/// else about it: an approval or proposal that turns up later finds the tombstone and stops there.
/// </summary>
public sealed class ApplicationTombstone
{
    public Guid ApplicationId { get; set; }
    public string Reason { get; set; } = string.Empty;
    public DateTimeOffset WithdrawnAt { get; set; }
}
