using Npgsql;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Rules.Privacy;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Privacy;

/// <summary>
/// ID numbers and phone numbers are encrypted at rest where a service keeps them (application,
/// notification, the prison's bars) and absent where it needs none (the bureau, the prison's
/// approvals and relatives register, scheduling: docs/data-minimisation.md), while replies still
/// show the masked forms.
/// </summary>
public sealed class EncryptionAtRestTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AfterAChainRunNoServiceDatabaseHoldsAnIdOrPhoneNumberInClearWhileRepliesStayMasked()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "张建国" + family.Phone[^4..]);
        await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        // And a bar, the one place the prison keeps a full ID number (sealed).
        var bar = await _chain.Officer.BarVisitorAsync(new BarVisitorRequest { IdNumber = ResidentIds.Next(), From = Security.AccessRecords.Day(system.Clock.ChinaToday), Reason = "私自录音" });
        var application = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        var messages = await system.Notification(VisitationSystem.Token(Roles.Clerk, Orgs.Office)).ListMessagesAsync(new ListMessagesRequest { ApplicationId = id });

        Assert.All(application.Visitors, v => Assert.Equal(Mask.Phone(family.Phone), v.PhoneMasked));
        Assert.All(application.Visitors, v => Assert.Matches(@"^\d{4}\*{10}[0-9X]{4}$", v.IdNumberMasked));
        Assert.Equal(2, messages.Messages.Count);
        Assert.All(messages.Messages, m => Assert.Equal(Mask.Phone(family.Phone), m.PhoneMasked));

        // Sealed, not emptied: this application's columns hold values of the current key version.
        Assert.Equal(0L, await CountAsync("application", "SELECT count(*) FROM application_visitors WHERE application_id = @id AND (phone NOT LIKE 'v1:%' OR id_number NOT LIKE 'v1:%')", id));
        Assert.Equal(0L, await CountAsync("notification", "SELECT count(*) FROM sms_messages WHERE application_id = @id AND phone NOT LIKE 'v1:%'", id));
        Assert.Equal(1L, await CountAsync("prison_approval", "SELECT count(*) FROM barred_visitors WHERE id = @id AND id_number LIKE 'v1:%' AND id_number_index IS NOT NULL", bar.BarId));
        // Every table of every service, event bodies included: sent ones are cleared, unsent ones hold no number.
        foreach (var service in VisitationSystem.ServiceNames)
        {
            Assert.Empty(await ClearTextScan.FindAsync(system.Databases[service]));
        }
    }

    [Fact]
    public void TheScanFindsTheNumbersItLooksFor()
    {
        // The scan's own check, so an empty finding above means "none there", not "none recognised".
        var id = Family.IdNumber(new DateOnly(1980, 5, 17), 123);
        var found = ClearTextScan.NumbersIn($"{{\"phone\": \"13912345678\", \"id\": \"{id}\", \"hash\": \"a13912345678b\", \"ticks\": 1391234567890}}").ToList();

        Assert.Equal([id, "13912345678"], found);
    }

    private async Task<long> CountAsync(string service, string sql, string applicationId)
    {
        await using var connection = new NpgsqlConnection(system.Databases[service]);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", Guid.Parse(applicationId));
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
