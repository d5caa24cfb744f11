using System.Runtime.CompilerServices;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// The clock the test run owns: every in-process service instance reads it, and so do the tests when
/// they need "now", "today" or the next visit month, so that a test and the services never disagree
/// on the day. It is the system's own until a test freezes it at a moment of a visit day (the day of
/// a visit lies weeks ahead of any application made today). Timers in scheduled_messages fall due by
/// it too, since the outbox dispatcher reads it. Tests that freeze it release it in a finally block.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private StrongBox<DateTimeOffset>? _frozen;

    public override DateTimeOffset GetUtcNow() => Volatile.Read(ref _frozen)?.Value.ToUniversalTime() ?? base.GetUtcNow();

    public void Freeze(DateTimeOffset at) => Volatile.Write(ref _frozen, new StrongBox<DateTimeOffset>(at));

    public void Release() => Volatile.Write(ref _frozen, null);

    /// <summary>Now, in China Standard Time (the prison's day).</summary>
    public DateTimeOffset ChinaNow => GetUtcNow().ToOffset(TimeSpan.FromHours(8));

    /// <summary>Today's date in China Standard Time.</summary>
    public DateOnly ChinaToday => DateOnly.FromDateTime(ChinaNow.DateTime);
}
