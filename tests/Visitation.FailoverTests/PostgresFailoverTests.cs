using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Visitation.Benchmarks.Infrastructure;

namespace Visitation.FailoverTests;

/// <summary>
/// A PostgreSQL primary with a synchronous standby (deploy/local/cluster.sh) under the chain's load; the
/// services reach it through a multi-host connection string that looks for the primary
/// (<c>Host=a,b;Target Session Attributes=primary</c>). Mid-load the primary is killed (SIGKILL to the
/// postmaster and every backend) and the standby promoted. The services carry on on the new primary: a
/// command that failed with the old one is retried (consumers and dispatchers by themselves, staff by
/// repeating a call that answered UNAVAILABLE), every application filed is there once and reaches its
/// SMS, none twice.
/// </summary>
public sealed class PostgresFailoverTests
{
    private const int Applications = 24;
    private const int InFlight = 6;
    private const int FaultAfter = 8;

    [Fact]
    public async Task KillingThePrimaryMidLoadAndPromotingItsStandbyLosesNothingAcknowledgedAndSendsNoSmsTwice()
    {
        var rabbit = new Uri(TestServers.Get("VISITATION_TEST_RABBITMQ"));
        var management = new Uri(TestServers.Get("VISITATION_TEST_RABBITMQ_MANAGEMENT"));
        var formed = Stopwatch.StartNew();
        await ClusterScript.RunAsync("pg-start");
        var formation = formed.Elapsed.TotalSeconds;
        try
        {
            var postgres = (await ClusterScript.EnvAsync("pg-env"))["VISITATION_POSTGRES"];
            await using var virtualHost = new RabbitManagement(management, FailoverClock.RunName("fopg"));
            await virtualHost.CreateVirtualHostAsync();
            var amqp = new UriBuilder(rabbit) { Path = "/" + virtualHost.VirtualHost }.Uri.ToString();
            await using var chain = await ChainUnderLoad.StartAsync("postgres", postgres, _ => amqp, Applications, FailoverClock.Start());

            var promotion = 0.0;
            var figures = await chain.RunAsync(InFlight, FaultAfter, async () =>
            {
                await ClusterScript.RunAsync("pg-kill", "a");
                var at = Stopwatch.StartNew();
                await ClusterScript.RunAsync("pg-promote", "b");
                promotion = at.Elapsed.TotalSeconds;
            });

            chain.Record(nameof(PostgresFailoverTests), figures, string.Create(CultureInfo.InvariantCulture,
                $"(primary and standby started in {formation:0.0} s; standby promoted {promotion:0.0} s after the kill)"));
            Assert.True(figures.NoneLostNoneTwice, figures.ToString());
            Assert.All(chain.Runs, run => Assert.Equal(2, chain.Gateway.CountTo(run.Family.Phone)));
            // Every filing acknowledged is there once, on the promoted standby: a repeated filing found its first.
            await using var applications = new NpgsqlConnection(chain.Databases.ConnectionString("application"));
            await applications.OpenAsync(TestContext.Current.CancellationToken);
            await using var count = new NpgsqlCommand("SELECT count(*), count(DISTINCT request_id), bool_or(pg_is_in_recovery()) FROM applications", applications);
            await using var reader = await count.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(((long)Applications, (long)Applications, false), (reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2)));
        }
        finally
        {
            await ClusterScript.StopAsync("pg-stop");
        }
    }
}
