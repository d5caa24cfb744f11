using System.Diagnostics;
using System.Globalization;
using Visitation.Benchmarks.Infrastructure;

namespace Visitation.FailoverTests;

/// <summary>
/// A three-node RabbitMQ cluster (deploy/local/cluster.sh) under the chain's load, with the services'
/// durable quorum queues a member on every node. Each service tries the nodes in its own order, so its
/// connections are spread over the cluster. Mid-load the node that leads the most of the services' queues
/// (the busiest) is killed with SIGKILL: its queues elect new leaders, the services connected to it
/// reconnect to the next node, and every application still reaches its SMS, none twice, with nothing left
/// in an error queue.
/// </summary>
public sealed class RabbitClusterFailoverTests
{
    private const int Applications = 24;
    private const int InFlight = 6;
    private const int FaultAfter = 8;
    private static readonly string[] Nodes = ["a", "b", "c"];

    [Fact]
    public async Task KillingTheNodeThatLeadsTheBusiestQueuesMidLoadLosesNoApplicationAndSendsNoSmsTwice()
    {
        var postgres = TestServers.Get("VISITATION_TEST_POSTGRES");
        var formed = Stopwatch.StartNew();
        await ClusterScript.RunAsync("rabbit-start");
        var formation = formed.Elapsed.TotalSeconds;
        try
        {
            var env = await ClusterScript.EnvAsync("rabbit-env");
            await using var chain = await ChainUnderLoad.StartAsync("rabbit", postgres, service => BrokerOf(service, env), Applications, FailoverClock.Start());
            using var nodeA = new ClusterQueues(Management(env, "a"));
            var declared = (await nodeA.ListAsync()).Where(q => q.IsServiceQueue).ToList();
            Assert.NotEmpty(declared);
            Assert.All(declared, q => Assert.True(q is { Type: "quorum", Members.Count: 3 }, $"{q} is not a quorum queue with a member on each of the three nodes"));

            var killed = "";
            IReadOnlyList<ClusterQueue> ledByKilled = [];
            var election = 0.0;
            var figures = await chain.RunAsync(InFlight, FaultAfter, async () =>
            {
                var queues = (await nodeA.ListAsync()).Where(q => q.IsServiceQueue).ToList();
                killed = BusiestNode(queues);
                ledByKilled = [.. queues.Where(q => q.Leader == killed)];
                var at = Stopwatch.StartNew();
                await ClusterScript.RunAsync("rabbit-kill", Letter(killed));
                using var survivor = new ClusterQueues(Management(env, Nodes.First(n => n != Letter(killed))));
                await Until(async () => (await survivor.ListAsync()).Where(q => q.IsServiceQueue).All(q => q.Leader is { } leader && leader != killed),
                    "every queue to have a leader on a surviving node");
                election = at.Elapsed.TotalSeconds;
            });

            chain.Record(nameof(RabbitClusterFailoverTests), figures, string.Create(CultureInfo.InvariantCulture,
                $"(cluster formed in {formation:0.0} s; killed {killed}, leader of {ledByKilled.Count} of {declared.Count} queues; every queue led by a survivor {election:0.0} s after the kill)"));
            Assert.True(figures.NoneLostNoneTwice, figures.ToString());
            Assert.NotEmpty(ledByKilled);
            Assert.All(chain.Runs, run => Assert.Equal(2, chain.Gateway.CountTo(run.Family.Phone)));
            using var survivors = new ClusterQueues(Management(env, Nodes.First(n => n != Letter(killed))));
            var after = await survivors.ListAsync();
            Assert.All(after.Where(q => q.Type == "quorum"), q => Assert.NotEqual(killed, q.Leader));
            Assert.DoesNotContain(after, q => q.IsErrorQueue && q.Messages > 0);
        }
        finally
        {
            await ClusterScript.StopAsync("rabbit-stop");
        }
    }

    /// <summary>The service's broker: the three nodes, starting at a different one for each service in turn.</summary>
    private static string BrokerOf(string service, IReadOnlyDictionary<string, string> env)
    {
        var first = ServiceFleet.Services.Select(s => s.Name).ToList().IndexOf(service) % Nodes.Length;
        var order = Nodes.Skip(first).Concat(Nodes.Take(first)).Select(n => env[$"VISITATION_RABBITMQ_NODE_{n.ToUpperInvariant()}"]);
        var account = new Uri(env["VISITATION_RABBITMQ"].Split(',')[0]).UserInfo; // the cluster's administrator
        return $"amqp://{account}@{string.Join(',', order)}/";
    }

    private static Uri Management(IReadOnlyDictionary<string, string> env, string node) => new(env[$"VISITATION_RABBITMQ_MANAGEMENT_{node.ToUpperInvariant()}"]);

    /// <summary>
    /// The node that leads the most of the services' queues, and of those that led as many, the one whose
    /// queues have taken the most messages so far (the broker's per-queue counts may lag or be missing).
    /// </summary>
    private static string BusiestNode(IEnumerable<ClusterQueue> queues) =>
        queues.Where(q => q.Leader is not null).GroupBy(q => q.Leader!)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Sum(q => q.Published)).First().Key;

    /// <summary>a, b or c, from the node's name (visitation-cluster-a@localhost).</summary>
    private static string Letter(string nodeName) => nodeName.Split('@')[0][^1..];

    private static async Task Until(Func<Task<bool>> done, string what)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if (await done())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // the surviving node's management API is busy with the node that went away: ask again
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Timed out after 60 s waiting for {what}.");
    }
}
