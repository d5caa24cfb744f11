using Visitation.Contracts.Events;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;

namespace Visitation.IntegrationTests.NotReached;

/// <summary>
/// An SMS that will never reach the family, reported on the bus as notification reports it
/// (<see cref="SmsFailed"/>), so the application service's side is tested whatever the dispatcher does.
/// </summary>
public static class NotReachedEntries
{
    public sealed record Failure(string EntryId, SmsFailed Event, Guid MessageId);

    /// <summary>Publishes a new SMS's failure for the application and waits for its entry on the office's list.</summary>
    public static async Task<Failure> FailAnSmsAsync(VisitationSystem system, string applicationId, string kind, SmsFailureReason reason)
    {
        var failed = new SmsFailed(Guid.Parse(applicationId), Guid.NewGuid(), kind, "138****0000", reason,
            reason == SmsFailureReason.WrongNumber ? "isv.MOBILE_NUMBER_ILLEGAL" : null, system.Clock.GetUtcNow());
        var messageId = Guid.NewGuid();
        await system.PublishAsync(failed, messageId);
        var entryId = await Eventually.Until(() => EntryIdAsync(system, failed.SmsId), id => id is not null, "the failed SMS's entry on the office's list");
        return new Failure(entryId!, failed, messageId);
    }

    public static async Task<string?> EntryIdAsync(VisitationSystem system, Guid smsId) =>
        (await OutboxRows.QueryAsync(system.Databases["application"], "SELECT id::text FROM families_not_reached WHERE sms_id = @sms", ("sms", smsId))) as string;

    public static async Task<long> EntriesOfAsync(VisitationSystem system, string applicationId) =>
        (long)(await OutboxRows.QueryAsync(system.Databases["application"], "SELECT count(*) FROM families_not_reached WHERE application_id = @id::uuid", ("id", applicationId)))!;

    /// <summary>Whether the list's consumer has taken this message (its inbox row): after it, the message has had its whole effect.</summary>
    public static async Task<bool> TakenAsync(VisitationSystem system, Guid messageId) =>
        (long)(await OutboxRows.QueryAsync(system.Databases["application"],
            "SELECT count(*) FROM inbox_messages WHERE message_id = @id AND consumer = 'SmsFailedNotReachedConsumer'", ("id", messageId)))! == 1;
}
