using System.Text.Json;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;

namespace Visitation.IntegrationTests.DayOf;

/// <summary>Events a service published (its outbox rows stamped sent after the broker's confirm), read back as JSON.</summary>
public static class PublishedEvents
{
    public static async Task<JsonElement> OfVisitAsync(VisitationSystem system, string eventName, string visitId)
    {
        var body = await Eventually.Until(
            async () => await OutboxRows.QueryAsync(system.Databases["scheduling"],
                "SELECT body::text FROM outbox_messages WHERE message_type = @type AND body->>'visitId' = @visit AND sent_at IS NOT NULL",
                ("type", "Visitation.Contracts.Events." + eventName), ("visit", visitId)) as string,
            json => json is not null, $"{eventName} of visit {visitId} to be published");
        return JsonDocument.Parse(body!).RootElement.Clone();
    }

    public static async Task<long> CountAsync(VisitationSystem system, string eventName, string visitId) =>
        Convert.ToInt64(await OutboxRows.QueryAsync(system.Databases["scheduling"],
            "SELECT count(*) FROM outbox_messages WHERE message_type = @type AND body->>'visitId' = @visit",
            ("type", "Visitation.Contracts.Events." + eventName), ("visit", visitId)), System.Globalization.CultureInfo.InvariantCulture);
}
