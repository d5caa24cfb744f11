using System.Diagnostics;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>Polls an asynchronous workflow until a condition holds; fails with the last seen state.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 45)
    {
        // Real elapsed time, not the test clock: a test may hold that still or move it by months.
        var elapsed = Stopwatch.StartNew();
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(150);
        }
        while (elapsed.Elapsed < TimeSpan.FromSeconds(seconds));

        throw new TimeoutException($"Timed out after {seconds}s waiting for {what}. Last state: {last}");
    }
}
