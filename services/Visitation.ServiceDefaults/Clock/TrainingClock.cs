namespace Visitation.ServiceDefaults.Clock;

/// <summary>
/// The services' clock in a training or demonstration environment: the real clock shifted so that
/// it read <c>now</c> at the real instant <c>setAt</c>. It then runs at the real clock's speed, and
/// its timers are the real clock's, so periodic work and polls go on as in production. Every process
/// given the same pair of settings shows the same time, whenever each of them started.
/// </summary>
public sealed class TrainingClock(DateTimeOffset now, DateTimeOffset setAt, TimeProvider real) : TimeProvider
{
    private readonly TimeSpan _shift = now - setAt;

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + _shift;

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);
}
