namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// Takes the test run's PostgreSQL or RabbitMQ away and brings it back, through deploy/local/infra.sh
/// (VISITATION_TEST_INFRA="path profile", set by deploy/test.sh). The fault tests need it; without
/// it they fail and say so.
/// </summary>
public static class LocalServers
{
    /// <summary>Whether deploy/test.sh gave the tests its servers' control script.</summary>
    public static bool Available => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VISITATION_TEST_INFRA"));

    /// <summary>Crashes RabbitMQ: SIGKILL to its Erlang VM, no <c>stop_app</c>, nothing flushed or closed.</summary>
    public static Task KillBrokerAsync() => RunAsync("broker-kill");

    /// <summary>Boots the broker again (a new VM after a kill), ready when the management API answers.</summary>
    public static Task StartBrokerAsync() => RunAsync("broker-start");

    /// <summary>Crashes PostgreSQL: SIGKILL to the postmaster and every backend at once; the next start runs crash recovery.</summary>
    public static Task KillDatabaseAsync() => RunAsync("pg-kill");

    public static Task StartDatabaseAsync() => RunAsync("pg-start");

    private static async Task RunAsync(string command)
    {
        var setting = Environment.GetEnvironmentVariable("VISITATION_TEST_INFRA")
            ?? throw new InvalidOperationException("This fault test stops and starts the servers through deploy/local/infra.sh; run it with `bash deploy/test.sh`, which sets VISITATION_TEST_INFRA.");
        var parts = setting.Split(' ', 2);
        await DeployScript.RunAsync(parts[0], [command, parts[1]]);
    }
}
