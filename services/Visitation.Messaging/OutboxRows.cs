using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Database;

namespace Visitation.Messaging;

/// <summary>What a dispatch round writes back to the outbox rows it read: set-based, in the round's transaction.</summary>
internal static class OutboxRows
{
    /// <summary>
    /// Stamps the published rows sent, in one statement. A body carrying personal data is cleared at the
    /// same time, so the row kept until the clean-up holds none (docs/data-minimisation.md).
    /// </summary>
    public static async Task MarkSentAsync(ServiceDbContext db, IReadOnlyCollection<OutboxMessage> sent, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (sent.Count == 0)
        {
            return;
        }

        var ids = sent.Select(r => r.Id).ToArray();
        var cleared = sent.Where(r => MessageJson.CarriesPersonalData(r.MessageType)).Select(r => r.Id).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE outbox_messages SET sent_at = {at}, attempts = attempts + 1,
                body = CASE WHEN id = ANY({cleared}) THEN {MessageJson.ClearedBody}::jsonb ELSE body END
            WHERE id = ANY({ids})
            """,
            cancellationToken);
    }

    /// <summary>Counts a failed publish on its row and keeps the broker's reason (bounded) for operators.</summary>
    public static async Task RecordFailureAsync(ServiceDbContext db, OutboxMessage row, string error, CancellationToken cancellationToken)
    {
        var bounded = error.Length > 2000 ? error[..2000] : error;
        await db.Database.ExecuteSqlAsync(
            $"UPDATE outbox_messages SET attempts = attempts + 1, last_error = {bounded} WHERE id = {row.Id}",
            cancellationToken);
    }
}
