using Npgsql;

namespace Visitation.Messaging.Tests.Failover;

/// <summary>
/// What a multi-host connection string answers while no primary can be found (the old one dead, the
/// standby not promoted yet) is a server away: consumers wait and retry, gRPC callers get UNAVAILABLE.
/// Two loopback ports where nothing listens stand for the two dead servers.
/// </summary>
public sealed class DatabaseFailoverFaultTests
{
    private const string NoServerAnswers = "Host=127.0.0.1:1,127.0.0.1:2;Target Session Attributes=primary;Username=postgres;Timeout=2;Database=failover_fault";

    [Fact]
    public async Task NoPrimaryAmongTheHostsIsTransientBothWhenTheyAreTriedAndWhenTheyAreRememberedOffline()
    {
        var tried = await OpenFailsAsync();
        var remembered = await OpenFailsAsync();

        Assert.Contains("suitable host", tried.Message, StringComparison.Ordinal);
        Assert.True(TransientFaults.IsTransient(tried), tried.ToString());
        // Within Host Recheck Seconds both hosts are remembered offline: Npgsql tries none and says so plainly.
        Assert.Null(remembered.InnerException);
        Assert.False(remembered.IsTransient);
        Assert.True(TransientFaults.IsTransient(remembered), remembered.ToString());
    }

    [Fact]
    public void AnotherPlainNpgsqlFaultIsNotTakenForAServerAway() =>
        Assert.False(TransientFaults.IsTransient(new NpgsqlException("Received backend message ReadyForQuery while expecting CommandComplete.")));

    private static async Task<NpgsqlException> OpenFailsAsync()
    {
        await using var connection = new NpgsqlConnection(NoServerAnswers);
        return await Assert.ThrowsAsync<NpgsqlException>(() => connection.OpenAsync(TestContext.Current.CancellationToken));
    }
}
