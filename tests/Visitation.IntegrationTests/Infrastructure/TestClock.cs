using System.Globalization;
using System.Runtime.CompilerServices;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// The clock the test run owns: every in-process service instance reads it (and the service run as
/// a process of its own gets the same time through <see cref="TrainingClockSettings"/>), and so do
/// the tests when they need "now", "today" or the next visit month. Nothing reads the machine's date:
/// the run starts at <see cref="TestDates.RunStart"/>, and each test that depends on dates puts the
/// clock at the instant it needs with <see cref="StartAt"/> (from there it runs at real speed), or
/// holds it still at a moment of a visit day with <see cref="Freeze"/> and lets it run on after.
/// <para>
/// Why not <c>FakeTimeProvider</c>: the run shares one system whose services wait on
/// <c>PeriodicTimer(interval, clock)</c>, <c>Task.Delay</c> and polls, and a fake's timers fire
/// only when a test advances it, so the whole system would need a pump; and its <c>SetUtcNow</c>
/// refuses to go back, while tests that share the system must each start at their own instant,
/// earlier or later than the last test left it. This clock is the real one shifted: its timers and
/// timestamps are the real ones, only the date it reads is the test's. Moving it back postpones
/// timers set at the later instant, as it would for a real system whose clock were set back.
/// </para>
/// </summary>
public sealed class TestClock : TimeProvider
{
    private StrongBox<TimeSpan> _shift = new(TimeSpan.Zero);
    private StrongBox<DateTimeOffset>? _frozen;

    public TestClock() => StartAt(TestDates.RunStart);

    public override DateTimeOffset GetUtcNow() =>
        Volatile.Read(ref _frozen)?.Value.ToUniversalTime() ?? Real() + Volatile.Read(ref _shift).Value;

    /// <summary>The clock reads <paramref name="instant"/> now and runs on from it at real speed.</summary>
    public void StartAt(DateTimeOffset instant)
    {
        Volatile.Write(ref _shift, new StrongBox<TimeSpan>(instant - Real()));
        Volatile.Write(ref _frozen, null);
    }

    /// <summary>
    /// The clock stands at <paramref name="at"/> until <see cref="Release"/> or <see cref="StartAt"/>,
    /// for steps of a visit day whose minutes a test asserts exactly. Redeliveries the services delay
    /// by the clock wait while it stands, so a test releases it when its steps are done.
    /// </summary>
    public void Freeze(DateTimeOffset at) => Volatile.Write(ref _frozen, new StrongBox<DateTimeOffset>(at));

    /// <summary>Runs on from where the clock was frozen.</summary>
    public void Release()
    {
        if (Volatile.Read(ref _frozen) is { } frozen)
        {
            StartAt(frozen.Value);
        }
    }

    /// <summary>Now, in China Standard Time (the prison's day).</summary>
    public DateTimeOffset ChinaNow => GetUtcNow().ToOffset(TestDates.China);

    /// <summary>Today's date in China Standard Time.</summary>
    public DateOnly ChinaToday => DateOnly.FromDateTime(ChinaNow.DateTime);

    /// <summary>
    /// The settings that put a service started as a process of its own on this clock (the operators'
    /// training clock, see <c>TrainingClockOptions</c>): what it reads now, and the real instant of now.
    /// </summary>
    /// <remarks>
    /// With <paramref name="ahead"/>, the process's clock runs that far ahead of this one: a process
    /// restarted ahead finds due what it had deferred, without the test waiting out the time.
    /// </remarks>
    public IReadOnlyDictionary<string, string> TrainingClockSettings(TimeSpan ahead = default)
    {
        var real = Real();
        var now = (Volatile.Read(ref _frozen)?.Value ?? real + Volatile.Read(ref _shift).Value) + ahead;
        return new Dictionary<string, string>
        {
            ["TrainingClock:Now"] = now.ToString("O", CultureInfo.InvariantCulture),
            ["TrainingClock:SetAt"] = real.ToString("O", CultureInfo.InvariantCulture),
        };
    }

    private static DateTimeOffset Real() => System.GetUtcNow();
}
