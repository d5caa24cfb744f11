using System.Runtime.CompilerServices;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// The clock of the scheduling instances: the system's own until a test freezes it at a moment of
/// a visit day (the day of a visit lies weeks ahead of any application made today). Timers in
/// scheduled_messages fall due by this clock too, since the outbox dispatcher reads it.
/// Tests that freeze it release it in a finally block.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private StrongBox<DateTimeOffset>? _frozen;

    public override DateTimeOffset GetUtcNow() => Volatile.Read(ref _frozen)?.Value.ToUniversalTime() ?? base.GetUtcNow();

    public void Freeze(DateTimeOffset at) => Volatile.Write(ref _frozen, new StrongBox<DateTimeOffset>(at));

    public void Release() => Volatile.Write(ref _frozen, null);
}
