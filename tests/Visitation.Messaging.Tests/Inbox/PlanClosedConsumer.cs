using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.Inbox;

/// <summary>
/// Closes a plan once, and refuses to close it again — as an entity method refuses a step its state
/// has passed: run again for a redelivered message, the handler fails instead of changing nothing.
/// </summary>
public sealed class PlanClosedConsumer(TestDbContext db, TimeProvider clock) : InboxConsumer<PlanClosed, TestDbContext>(db, clock)
{
    public static string TallyName(int number) => $"closed-{number}";

    protected override async Task HandleAsync(PlanClosed message, CancellationToken cancellationToken)
    {
        if (await Db.Tallies.FindAsync([TallyName(message.Number)], cancellationToken) is not null)
        {
            throw new InvalidOperationException($"Plan {message.Number} is closed already.");
        }

        Db.Tallies.Add(new Tally { Name = TallyName(message.Number), Count = 1 });
    }
}

public sealed record PlanClosed(int Number);
