using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Tests.Outbox;

namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>What a service's request writes, and what of it a reader outside the request can see.</summary>
internal static class ServiceWrites
{
    /// <summary>A state change (a new tally) and the event it causes, queued in one context as a handler does.</summary>
    public static void FilePlan(this TestDbContext db, string tally, int number, DateTimeOffset now)
    {
        db.Tallies.Add(new Tally { Name = tally, Count = number });
        db.Publish(new PlanFiled(number), now);
    }

    /// <summary>Commits <see cref="FilePlan"/> in a transaction of its own; returns the event's message id.</summary>
    public static async Task<Guid> CommitPlanAsync(this TestDatabase database, string tally, int number, DateTimeOffset now)
    {
        await using (var db = database.NewContext())
        {
            db.FilePlan(tally, number, now);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        return await database.EventIdAsync(number);
    }

    /// <summary>The message id of the committed <see cref="PlanFiled"/> event with this number, found by its body.</summary>
    public static async Task<Guid> EventIdAsync(this TestDatabase database, int number)
    {
        await using var db = database.NewContext();
        return await db.Database
            .SqlQuery<Guid>($"SELECT message_id AS \"Value\" FROM outbox_messages WHERE (body ->> 'number')::int = {number}")
            .SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The committed state and events, as another connection (the dispatcher, another service) sees them.</summary>
    public static async Task<Committed> CommittedAsync(this TestDatabase database)
    {
        await using var db = database.NewContext();
        var ct = TestContext.Current.CancellationToken;
        return new Committed(
            await db.Tallies.OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct),
            await db.OutboxMessages.CountAsync(ct));
    }

    /// <summary>Rows inside the writer's own transaction: proof that the writes happened before the failure.</summary>
    public static async Task<Committed> SeenInsideAsync(this TestDbContext db)
    {
        var ct = TestContext.Current.CancellationToken;
        return new Committed(
            await db.Tallies.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).ToListAsync(ct),
            await db.OutboxMessages.AsNoTracking().CountAsync(ct));
    }
}

internal sealed record Committed(IReadOnlyList<string> Tallies, int Events)
{
    public static readonly Committed Nothing = new([], 0);

    public bool Equals(Committed? other) => other is not null && Tallies.SequenceEqual(other.Tallies) && Events == other.Events;

    public override int GetHashCode() => HashCode.Combine(Tallies.Count, Events);
}
