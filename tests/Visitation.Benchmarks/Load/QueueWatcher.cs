using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Visitation.Benchmarks.Infrastructure;

namespace Visitation.Benchmarks.Load;

/// <summary>
/// A member of staff at one stage, for every organisation at once: every poll interval it lists the
/// queue of each organisation that has an application of the run waiting there (and only those),
/// and acts at once on each awaited application found. The application is marked queued at the
/// instant the service stamped on the item when it reached the queue, where the item carries one
/// (<paramref name="arrivedAt"/>: a proposal's <c>proposed_at</c>), else when the poll saw it (a review
/// or an approval carries only its business time, the event's, which is earlier than its arrival): at
/// most one interval late.
/// </summary>
public sealed class QueueWatcher<TItem>(
    Moment queued,
    TimeSpan poll,
    Func<TItem, Timestamp?>? arrivedAt,
    BenchClock clock,
    Func<string, CancellationToken, Task<IReadOnlyList<(string ApplicationId, TItem Item)>>> listQueue,
    Func<ApplicationRun, TItem, CancellationToken, Task> act)
{
    private const int ListsAtOnce = 8;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ApplicationRun>> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _acting = new();

    /// <summary>Looks for <paramref name="run"/> in <paramref name="organisation"/>'s queue from the next round on.</summary>
    public void Expect(string organisation, ApplicationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _waiting.GetOrAdd(organisation, _ => new(StringComparer.Ordinal))[run.ApplicationId] = run;
    }

    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(poll);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var organisations = _waiting.Where(o => !o.Value.IsEmpty).Select(o => o.Key).ToList();
                await Parallel.ForEachAsync(organisations, new ParallelOptions { MaxDegreeOfParallelism = ListsAtOnce, CancellationToken = ct }, LookAsync);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }

        await Task.WhenAll(_acting.Keys);
    }

    private async ValueTask LookAsync(string organisation, CancellationToken ct)
    {
        IReadOnlyList<(string ApplicationId, TItem Item)> queue;
        try
        {
            queue = await listQueue(organisation, ct);
        }
        catch (RpcException)
        {
            return; // looked again next round; a lasting fault shows as applications that never finish
        }

        var waiting = _waiting[organisation];
        foreach (var (applicationId, item) in queue)
        {
            if (waiting.TryRemove(applicationId, out var run))
            {
                if (arrivedAt is null)
                {
                    run.Mark(queued);
                }
                else if (arrivedAt(item) is { } stamp)
                {
                    run.MarkAt(queued, clock.StopwatchTimestampOf(stamp.ToDateTimeOffset()));
                }
                else
                {
                    run.Fail($"{queued}: the queue's item carries no arrival time");
                    continue;
                }

                var acting = ActAsync(run, item, ct);
                _acting[acting] = true;
                _ = acting.ContinueWith(done => _acting.TryRemove(done, out _), TaskScheduler.Default);
            }
        }
    }

    private async Task ActAsync(ApplicationRun run, TItem item, CancellationToken ct)
    {
        try
        {
            await act(run, item, ct);
        }
        catch (RpcException ex)
        {
            run.Fail($"{queued}: {ex.StatusCode} {ex.Status.Detail}");
        }
    }
}
