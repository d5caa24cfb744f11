using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Inbox;

/// <summary>What <see cref="PlanFiledConsumer"/> has committed: its state, its inbox rows and its own events.</summary>
internal sealed record ConsumerOutcome(int Tally, int InboxRows, int EventsCommitted)
{
    public static async Task<ConsumerOutcome> ReadAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var tally = await db.Tallies.SingleOrDefaultAsync(t => t.Name == PlanFiledConsumer.TallyName, ct);
        var counted = typeof(PlanCounted).FullName!;
        return new ConsumerOutcome(
            tally?.Count ?? 0,
            await db.InboxMessages.CountAsync(ct),
            await db.OutboxMessages.CountAsync(m => m.MessageType == counted, ct));
    }
}
