using System.Globalization;
using Npgsql;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;

namespace Visitation.IntegrationTests.Chain;

/// <summary>
/// An approval already on its way to scheduling when the inmate moves to another area is proposed in the new area:
/// the move wins (docs/reoffer-and-moves.md). Scheduling's handling of the approval is held at its first step — the
/// application's lock, taken by the test in scheduling's database — while the officer moves the inmate and scheduling
/// consumes the move; only then does the approval go on.
/// </summary>
public sealed class InFlightAreaMoveTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AnApprovalStillOnItsWayWhenTheInmateMovesIsProposedOnTheNewAreasDays()
    {
        system.Clock.StartAt(TestDates.AugustApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "途中调区" + family.Phone[^4..];
        // Area 1 meets on the 1st, 11th and 21st; area 3 on the 3rd, 13th and 23rd: no day in common.
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "1");
        var id = await _chain.DriveToPrisonTaskAsync(family.Application(inmate, area: "1"));

        await using (await HoldApplicationInSchedulingAsync(id))
        {
            var approved = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
            Assert.True(approved.Approved, approved.Reason);
            await _chain.Officer.MoveInmateAreaAsync(new MoveInmateAreaRequest { InmateNumber = family.InmateNumber, PrisonArea = "3" });
            var move = await Eventually.Until(() => OutboxRows.MessageIdsAsync(system.Databases["prison_approval"], "InmateMovedArea", [family.InmateNumber]),
                ids => ids.Count == 1, "the move in prison approval's outbox");
            await Eventually.Until(() => OutboxRows.InboxOfAsync(system.Databases["scheduling"], [.. move]), n => n == 1, "scheduling to consume the move");
        }

        var proposal = await _chain.WaitForProposalAsync(id);

        Assert.Equal("3", proposal.PrisonArea);
        Assert.Contains(DateOnly.ParseExact(proposal.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture).Day, new[] { 3, 13, 23 });
    }

    /// <summary>Scheduling's application lock, held on a connection of the test's own until it is disposed.</summary>
    private async Task<NpgsqlConnection> HoldApplicationInSchedulingAsync(string applicationId)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(system.Databases["scheduling"]) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@key))", connection);
        command.Parameters.AddWithValue("key", "application:" + Guid.Parse(applicationId));
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
