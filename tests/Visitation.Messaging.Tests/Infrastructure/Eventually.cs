using System.Diagnostics;
namespace Visitation.Messaging.Tests.Infrastructure;

/// <summary>Polls until a condition holds; fails with the last seen state (never a fixed sleep).</summary>
internal static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 30)
    {
        var waited = Stopwatch.StartNew(); // elapsed time, not the date: the test owns the clock
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        while (waited.Elapsed < TimeSpan.FromSeconds(seconds));

        throw new TimeoutException($"Timed out after {seconds}s waiting for {what}. Last state: {last}");
    }
}
