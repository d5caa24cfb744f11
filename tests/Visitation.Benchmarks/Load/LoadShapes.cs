using System.Diagnostics;

namespace Visitation.Benchmarks.Load;

/// <summary>
/// How applications are offered: at a fixed rate whatever the system does (open loop, the latencies a
/// family would see at that demand), or a fixed number in flight, each finished one replaced at once
/// (closed loop, the throughput the system can sustain).
/// </summary>
public static class LoadShapes
{
    /// <summary>Submits <paramref name="runs"/> on a fixed schedule, then waits for all to end or <paramref name="drain"/> to pass.</summary>
    public static async Task OpenLoopAsync(ChainDriver driver, IReadOnlyList<ApplicationRun> runs, double perSecond, TimeSpan drain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(runs);
        var start = Stopwatch.GetTimestamp();
        var submissions = new List<Task>(runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, ct);
            }

            submissions.Add(driver.SubmitAsync(runs[i], ct));
        }

        await Task.WhenAll(submissions);
        await WaitAsync(runs.Select(r => r.Done), drain, ct);
    }

    /// <summary>Keeps <paramref name="inFlight"/> applications going until <paramref name="runs"/> are used up; each may take up to <paramref name="drain"/>.</summary>
    public static async Task ClosedLoopAsync(ChainDriver driver, IReadOnlyList<ApplicationRun> runs, int inFlight, TimeSpan drain, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(runs);
        var next = -1;
        async Task WorkerAsync()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < runs.Count)
            {
                await driver.SubmitAsync(runs[i], ct);
                await WaitAsync([runs[i].Done], drain, ct);
                if (!runs[i].Done.IsCompleted)
                {
                    runs[i].Fail("did not reach its scheduled SMS in time");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(inFlight, runs.Count)).Select(_ => WorkerAsync()));
    }

    private static async Task WaitAsync(IEnumerable<Task> tasks, TimeSpan limit, CancellationToken ct)
    {
        var all = Task.WhenAll(tasks);
        await Task.WhenAny(all, Task.Delay(limit, ct));
    }
}
