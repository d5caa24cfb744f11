namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>Waiting on a condition the system reaches through its events (never a fixed sleep).</summary>
internal static class Waits
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = RealClock.Clock.GetUtcNow() + Limit;
        while (!await condition())
        {
            if (RealClock.Clock.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Waited {Limit.TotalSeconds} s for {what}.");
            }

            // Between two looks, not instead of one: the condition decides.
            await Task.Delay(200);
        }
    }
}
