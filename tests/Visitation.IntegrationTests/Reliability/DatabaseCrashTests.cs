using Grpc.Core;
using Npgsql;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Reliability;

/// <summary>
/// PostgreSQL crashes — SIGKILL to the postmaster and every backend — while two bureau approvals
/// are in flight (held mid-transaction by a lock on the reviews) and two applications are being
/// filed. Every call that failed answered UNAVAILABLE, never UNKNOWN or INTERNAL, and repeating it
/// (the same request id) after the restart succeeded; every filing is exactly one application;
/// the events that arrived meanwhile were waited for, and all four applications are scheduled with
/// each step once and exactly two SMS per family.
/// </summary>
public sealed class DatabaseCrashTests(VisitationSystem system) : FaultTest(system)
{
    private const int Each = 2;

    [Fact]
    public async Task CallsInFlightWhenTheDatabaseIsKilledFailUnavailableAndARetryWithTheSameRequestIdMakesOneApplication()
    {
        var chain = new ChainDriver(Services);
        var families = NewFamilies(2 * Each);
        var requests = families.Select(f => f.Application("停库" + f.Phone[^4..], "4")).ToArray();
        foreach (var (family, request) in families.Zip(requests))
        {
            await chain.ImportInmateAsync("YJ" + family.Phone[^6..], request.Inmate.Name, "4");
        }

        var filedBefore = new List<string>();
        foreach (var request in requests.Take(Each))
        {
            var id = await chain.SubmitAsync(request);
            await chain.WaitForBureauTaskAsync(id);
            filedBefore.Add(id);
        }

        var failures = new Failures();
        Task<SubmitApplicationReply>[] filings;
        Task[] approvals;
        var bureau = Services.Databases["bureau_review"];
        await using (await OutboxRows.HoldWritesAsync(bureau, "reviews"))
        {
            approvals = filedBefore.Select(id => failures.RetryAsync(async () => await chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id }))).ToArray();
            await Eventually.Until(() => OutboxRows.WaitingOnLocksAsync(bureau), waiting => waiting >= Each, "both approvals to be held mid-transaction");
            filings = requests.Skip(Each).Select(request => failures.RetryAsync(async () => await chain.Clerk.SubmitApplicationAsync(request))).ToArray();
            try
            {
                await LocalServers.KillDatabaseAsync();
            }
            finally
            {
                await LocalServers.StartDatabaseAsync();
                NpgsqlConnection.ClearAllPools(); // the test's own pooled connections died with the server
            }
        }

        await Task.WhenAll(approvals);
        var filed = await Task.WhenAll(filings);

        // Both held approvals were cut off mid-transaction; every failure said "try again".
        Assert.True(failures.Count >= Each, $"only {failures.Count} calls failed, though {Each} were held in flight");
        Assert.All(failures.Statuses, status => Assert.Equal(StatusCode.Unavailable, status));
        foreach (var (request, reply) in requests.Skip(Each).Zip(filed))
        {
            Assert.Equal(1, await OutboxRows.ApplicationsWithRequestIdAsync(Services.Databases["application"], request.RequestId));
            Assert.Equal(reply.ApplicationId, (await chain.Clerk.SubmitApplicationAsync(request)).ApplicationId);
        }

        var ids = filedBefore.Concat(filed.Select(r => r.ApplicationId)).ToList();
        foreach (var id in ids.Skip(Each))
        {
            await chain.WaitForBureauTaskAsync(id);
            Assert.True((await chain.Reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id })).Approved);
        }

        foreach (var id in ids)
        {
            await ScheduleAsync(chain, id);
        }

        await AssertEachScheduledExactlyOnceAsync(chain, ids, families);
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
            var deadline = DateTime.UtcNow.AddSeconds(90);
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

                    if (ex.StatusCode != StatusCode.Unavailable || DateTime.UtcNow > deadline)
                    {
                        throw;
                    }

                    await Task.Delay(200); // a client's pause before trying again, not a wait for the system
                }
            }
        }
    }
}
