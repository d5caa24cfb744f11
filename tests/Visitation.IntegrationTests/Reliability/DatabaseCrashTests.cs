using System.Diagnostics;
using Grpc.Core;
using Npgsql;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// PostgreSQL crashes — SIGKILL to the postmaster and every backend — while two bureau approvals
/// are in flight (held mid-transaction by a lock on the reviews) and a clerk files applications one
/// after another, up to the crash and through it. Every call that failed answered UNAVAILABLE,
/// never UNKNOWN or INTERNAL, and repeating it unchanged (the same request id) after the restart
/// succeeded; every filing acknowledged, even a moment before the crash, is there as exactly one
/// application; the events that arrived meanwhile were waited for. The two approved are scheduled
/// and the filings rejected at the bureau, each step once, exactly two SMS per family.
/// </summary>
public sealed class DatabaseCrashTests(VisitationSystem system) : FaultTest(system)
{
    private const int Held = 2;
    private int _filedSoFar;

    [Fact]
    public async Task EveryCallAcknowledgedBeforeTheDatabaseWasKilledSurvivesAndEveryCallCutOffFailsUnavailableAndRetriesToOneApplication()
    {
        var chain = new ChainDriver(Services);
        var families = NewFamilies(Held);
        var held = new List<string>();
        foreach (var family in families)
        {
            var inmate = "停库" + family.Phone[^4..];
            await chain.ImportInmateAsync("YJ" + family.Phone[^6..], inmate, "4");
            var id = await chain.SubmitAsync(family.Application(inmate, "4"));
            await chain.WaitForBureauTaskAsync(id);
            held.Add(id);
        }

        var failures = new Failures();
        var restarted = new TaskCompletionSource();
        Task[] approvals;
        Task<List<Filing>> filings;
        var bureau = Services.Databases["bureau_review"];
        await using (await OutboxRows.HoldWritesAsync(bureau, "reviews"))
        {
            approvals = held.Select(id => failures.RetryAsync(async () => await chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id }))).ToArray();
            await Eventually.Until(() => OutboxRows.WaitingOnLocksAsync(bureau), waiting => waiting >= Held, "both approvals to be held mid-transaction");
            filings = FileUntilAsync(chain, failures, restarted.Task);
            await Eventually.Until(() => Task.FromResult(filings.IsCompleted || failures.Count > 0 || FiledSoFar > 1), going => going, "the clerk to be filing");
            try
            {
                await LocalServers.KillDatabaseAsync();
            }
            finally
            {
                await LocalServers.StartDatabaseAsync();
                NpgsqlConnection.ClearAllPools(); // the test's own pooled connections died with the server
                restarted.SetResult();
            }
        }

        await Task.WhenAll(approvals);
        var filed = await filings;

        // Both held approvals were cut off mid-transaction, and every failure said "try again".
        Assert.True(failures.Count >= Held, $"only {failures.Count} calls failed, though {Held} were held in flight");
        Assert.All(failures.Statuses, status => Assert.Equal(StatusCode.Unavailable, status));

        // Every filing acknowledged is there, once: asking again with its request id answers with it.
        foreach (var filing in filed)
        {
            Assert.Equal(1, await OutboxRows.ApplicationsWithRequestIdAsync(Services.Databases["application"], filing.Request.RequestId));
            Assert.Equal(filing.ApplicationId, (await chain.Clerk.SubmitApplicationAsync(filing.Request)).ApplicationId);
        }

        foreach (var filing in filed)
        {
            await RejectAtTheBureauAsync(chain, filing.ApplicationId);
        }

        foreach (var id in held)
        {
            await ScheduleAsync(chain, id);
        }

        // An SMS whose gateway answer could not be recorded as the database died is settled by asking the gateway, not sent again.
        await AssertEachScheduledExactlyOnceAsync(chain, held, families);
        await AssertEachExactlyOnceAsync(chain, [.. filed.Select(f => f.ApplicationId)], [.. filed.Select(f => f.Family)],
            ApplicationStatus.BureauRejected, [TimelineEvent.Submitted, TimelineEvent.BureauRejected]);
    }

    private sealed record Filing(Family Family, SubmitApplicationRequest Request, string ApplicationId);

    private int FiledSoFar => Volatile.Read(ref _filedSoFar);

    /// <summary>Files one new application after another until the database is back; the one cut off by the crash is repeated until accepted.</summary>
    private async Task<List<Filing>> FileUntilAsync(ChainDriver chain, Failures failures, Task restarted)
    {
        var filed = new List<Filing>();
        while (!restarted.IsCompleted)
        {
            var family = NewFamilies(1)[0];
            var request = family.Application("停库" + family.Phone[^4..], "4");
            var reply = await failures.RetryAsync(async () => await chain.Clerk.SubmitApplicationAsync(request));
            filed.Add(new Filing(family, request, reply.ApplicationId));
            Interlocked.Increment(ref _filedSoFar);
        }

        return filed;
    }

    /// <summary>The statuses of the calls that failed; a call is repeated, unchanged, only while it answers UNAVAILABLE.</summary>
    private sealed class Failures
    {
        private readonly List<StatusCode> _statuses = [];

        public int Count
        {
            get
            {
                lock (_statuses)
                {
                    return _statuses.Count;
                }
            }
        }

        public IReadOnlyList<StatusCode> Statuses
        {
            get
            {
                lock (_statuses)
                {
                    return [.. _statuses];
                }
            }
        }

        public async Task<T> RetryAsync<T>(Func<Task<T>> call)
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    return await call();
                }
                catch (RpcException ex)
                {
                    lock (_statuses)
                    {
                        _statuses.Add(ex.StatusCode);
                    }

                    if (ex.StatusCode != StatusCode.Unavailable || waited.Elapsed > TimeSpan.FromSeconds(90))
                    {
                        throw;
                    }

                    await Task.Delay(200); // a client's pause before trying again, not a wait for the system
                }
            }
        }
    }
}
