using Microsoft.EntityFrameworkCore;
using Visitation.Messaging.Tests.Outbox;

namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>What a service's request writes, and what of it a reader outside the request can see.</summary>
internal static class ServiceWrites
{
    /// <summary>A state change (a new tally) and the event it causes, queued in a fresh context as a handler does; returns the event's message id.</summary>
    public static Guid FilePlan(this TestDbContext db, string tally, int number, DateTimeOffset now)
    {
        db.Tallies.Add(new Tally { Name = tally, Count = number });
        db.Publish(new PlanFiled(number), now);
        return db.OutboxMessages.Local.Single().MessageId;
    }

    /// <summary>Commits <see cref="FilePlan"/> in a transaction of its own; returns the event's message id.</summary>
    public static async Task<Guid> CommitPlanAsync(this TestDatabase database, string tally, int number, DateTimeOffset now)
    {
        await using var db = database.NewContext();
        var messageId = db.FilePlan(tally, number, now);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return messageId;
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
