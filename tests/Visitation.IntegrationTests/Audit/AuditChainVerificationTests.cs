using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Visitation.AuditStore.Features.Verify;
using Visitation.Contracts.Events;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Messaging.Audit;

namespace Visitation.IntegrationTests.Audit;

/// <summary>
/// The audit store's periodic verification of the chains it holds (docs/audit-store.md): a row
/// altered or removed in the store's real database after it was verified is found by the next round
/// and reported broken by the metric the alert <c>AuditChainBroken</c> reads; a row put back clears
/// it; a row whose predecessor has not arrived yet is not reported. Each test's chain is of a made-up
/// service of its own, with real hashes, so no other row is its neighbour.
/// </summary>
public sealed class AuditChainVerificationTests(VisitationSystem system)
{
    private static readonly DateTimeOffset At = new(2026, 2, 2, 1, 0, 0, TimeSpan.Zero);
    private readonly StoredAudit _store = new(system);

    [Fact]
    public async Task ARowAlteredInTheStoreAfterItWasVerifiedIsReportedBrokenAndClearedWhenPutBack()
    {
        var service = "it-verify-" + Guid.NewGuid().ToString("N")[..12];
        await DeliverChainAsync(service, 3);
        await VerifyRoundAsync();
        Assert.Equal((3L, (long?)null), await CheckAsync(service));
        Assert.Equal(0, BrokenGauge(service));

        await ExecuteAsync("UPDATE audit_rows SET outcome = 'rows:0' WHERE service = @service AND seq = 2", service);
        await VerifyRoundAsync();
        Assert.Equal((3L, (long?)2), await CheckAsync(service));
        Assert.Contains("altered", await ReasonAsync(service), StringComparison.Ordinal);
        Assert.Equal(1, BrokenGauge(service));

        await ExecuteAsync("UPDATE audit_rows SET outcome = 'done' WHERE service = @service AND seq = 2", service);
        await VerifyRoundAsync();
        Assert.Equal((3L, (long?)null), await CheckAsync(service));
        Assert.Equal(0, BrokenGauge(service));
    }

    [Fact]
    public async Task ARowRemovedFromTheStoreAfterItWasVerifiedBreaksTheLinkOfTheRowAfterIt()
    {
        var service = "it-verify-" + Guid.NewGuid().ToString("N")[..12];
        await DeliverChainAsync(service, 3);
        await VerifyRoundAsync();
        Assert.Equal(0, BrokenGauge(service));

        await ExecuteAsync("DELETE FROM audit_rows WHERE service = @service AND seq = 2", service);
        await VerifyRoundAsync();
        Assert.Equal((3L, (long?)3), await CheckAsync(service));
        Assert.Contains("does not link", await ReasonAsync(service), StringComparison.Ordinal);
        Assert.Equal(1, BrokenGauge(service));
    }

    [Fact]
    public async Task ARowWhosePredecessorHasNotArrivedIsNotReportedBrokenAndVerifiesWhenItComes()
    {
        var service = "it-verify-" + Guid.NewGuid().ToString("N")[..12];
        var rows = Chain(service, 3);
        await _store.DeliverAsync(rows[0]);
        await _store.DeliverAsync(rows[2]);
        await VerifyRoundAsync();
        Assert.Equal((1L, (long?)null), await CheckAsync(service));
        Assert.Equal(0, BrokenGauge(service));

        await _store.DeliverAsync(rows[1]);
        await VerifyRoundAsync();
        Assert.Equal((3L, (long?)null), await CheckAsync(service));
    }

    /// <summary>A chain of <paramref name="count"/> rows with their real hashes, each linked to the one before.</summary>
    private static List<AuditRecorded> Chain(string service, int count)
    {
        var rows = new List<AuditRecorded>();
        var previous = AuditHash.Genesis;
        for (var seq = 1L; seq <= count; seq++)
        {
            var row = new AuditRow(seq, "changes", At.AddSeconds(seq), "it-verify", "clerk", Orgs.Office, null, "ApplicationSubmitted", "application", "r" + seq, null, null, "done", null, previous, string.Empty);
            var hash = AuditHash.Of(row);
            rows.Add(new AuditRecorded(service, row.Chain, seq, row.RecordedAt, row.ActorUserId, row.ActorRole, row.ActorOrganisation, null, row.EventType, row.RecordType, row.RecordId, null, null, row.Outcome, null, previous, hash));
            previous = hash;
        }

        return rows;
    }

    private async Task DeliverChainAsync(string service, int count)
    {
        foreach (var row in Chain(service, count))
        {
            await _store.DeliverAsync(row);
        }
    }

    private Task VerifyRoundAsync() => system.RunPeriodicWorkAsync<AuditChainVerification>(VisitationSystem.AuditStoreName);

    /// <summary>The chain's check as the store recorded it: the last verified row, and the row it broke at.</summary>
    private async Task<(long VerifiedSeq, long? BrokenSeq)> CheckAsync(string service)
    {
        await using var connection = new NpgsqlConnection(system.AuditStoreDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT verified_seq, broken_seq FROM audit_chain_checks WHERE service = @service AND chain = 'changes'", connection);
        command.Parameters.AddWithValue("service", service);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no check of {service}'s chain");
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }

    private async Task<string> ReasonAsync(string service)
    {
        await using var connection = new NpgsqlConnection(system.AuditStoreDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT broken_reason FROM audit_chain_checks WHERE service = @service AND chain = 'changes'", connection);
        command.Parameters.AddWithValue("service", service);
        return (string?)await command.ExecuteScalarAsync() ?? string.Empty;
    }

    /// <summary>Tampering, as a superuser with the store's database in hand would (audit_rows has no trigger refusing it).</summary>
    private async Task ExecuteAsync(string sql, string service)
    {
        await using var connection = new NpgsqlConnection(system.AuditStoreDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("service", service);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>What the gauge <c>visitation.audit.chain.broken</c> of the store instance that ran the rounds reports for the chain, read as an exporter would.</summary>
    private int? BrokenGauge(string service)
    {
        var factory = system.ServicesOf(VisitationSystem.AuditStoreName).GetRequiredService<IMeterFactory>();
        int? value = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == "visitation.audit.chain.broken")
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, measurement, tags, _) =>
        {
            var tagged = tags.ToArray();
            if (tagged.Any(tag => tag.Key == "service" && (string?)tag.Value == service) && tagged.Any(tag => tag.Key == "chain" && (string?)tag.Value == "changes"))
            {
                value = measurement;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }
}
