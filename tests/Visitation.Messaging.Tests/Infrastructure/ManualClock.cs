namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>A clock the test moves by hand, so "not yet due" and "due" are two known instants.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
