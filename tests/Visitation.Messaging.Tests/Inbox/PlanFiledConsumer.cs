using Visitation.Messaging.Tests.Infrastructure;
using Visitation.Messaging.Tests.Outbox;

namespace Visitation.Messaging.Tests.Inbox;

/// <summary>Counts the plans filed and announces each count, as a service's consumer changes state and publishes.</summary>
public sealed class PlanFiledConsumer(TestDbContext db, TimeProvider clock) : InboxConsumer<PlanFiled, TestDbContext>(db, clock)
{
    public const string TallyName = "plans";

    protected override async Task HandleAsync(PlanFiled message, CancellationToken cancellationToken)
    {
        var tally = await Db.Tallies.FindAsync([TallyName], cancellationToken);
        if (tally is null)
        {
            tally = new Tally { Name = TallyName };
            Db.Tallies.Add(tally);
        }

        tally.Count++;
        Db.Publish(new PlanCounted(message.Number, tally.Count), Clock.GetUtcNow());
    }
}

public sealed record PlanCounted(int Number, int Count);
