using Npgsql;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using static Visitation.IntegrationTests.Security.AccessRecords;

namespace Visitation.IntegrationTests.Privacy;

/// <summary>
/// The prison's free text about people — why an inmate's visits are suspended, why a visitor is
/// barred, the family event behind a special approval, an officer's note on an on-site visit — is
/// sealed at rest like the ID numbers (docs/encryption-at-rest.md), while staff still read it.
/// </summary>
public sealed class PrisonFreeTextAtRestTests(VisitationSystem system)
{
    /// <summary>The prison's tables whose free-text columns are sealed.</summary>
    private static readonly string[] SealedTextTables = ["inmate_statuses", "barred_visitors", "special_approvals", "quota_entries"];

    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task ReasonsAndNotesAreSealedInThePrisonsDatabaseWhileOfficersStillReadThem()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        // A mark of this test's own, so a clear copy of any of its texts is found whatever else the tables hold.
        var mark = "记号" + family.Phone[^4..] + family.InmateNumber;
        var inmate = "密文事由" + family.Phone[^4..];
        var number = family.InmateNumber;
        await _chain.ImportInmateAsync(number, inmate, "3");
        var request = family.Application(inmate);
        var visitMonth = request.VisitMonth;
        var afterVisitMonth = DateOnly.ParseExact(visitMonth + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1);
        var today = system.Clock.ChinaToday;

        var status = new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(afterVisitMonth), Reason = "违反监规" + mark };
        await _chain.Officer.SetInmateStatusAsync(new SetInmateStatusRequest { InmateNumber = number, Status = status });
        await _chain.Director.RecordSpecialApprovalAsync(new RecordSpecialApprovalRequest
        {
            InmateNumber = number, Kind = SpecialApprovalKind.ExtraVisit, Month = visitMonth, ApprovedBy = { SpecialApprovalLevel.PrisonArea }, Signatories = "监区长 刘", Reason = "父亲病危" + mark,
        });
        await _chain.Officer.RecordOnSiteVisitAsync(new RecordOnSiteVisitRequest { RequestId = Guid.NewGuid().ToString(), InmateNumber = number, Date = Day(today), Note = "带来衣物" + mark, OverrideReason = "家属远道而来，补登" + mark });
        var barReason = "私自录音" + mark;
        var bar = await _chain.Officer.BarVisitorAsync(new BarVisitorRequest { IdNumber = request.Visitors[0].IdNumber, From = Day(today), Reason = barReason });

        // Officers read every text back as typed, from the sealed rows.
        var thisMonth = await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = number, Month = Month(today) });
        var ofTheVisit = await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = number, Month = visitMonth });
        Assert.Equal(status.Reason, Assert.Single(thisMonth.Statuses).Reason);
        Assert.Equal(("带来衣物" + mark, "家属远道而来，补登" + mark), (Assert.Single(thisMonth.QuotaEntries).Note, thisMonth.QuotaEntries[0].OverrideReason));
        Assert.Equal("父亲病危" + mark, Assert.Single(ofTheVisit.SpecialApprovals).Reason);
        // The bar's reason is opened where the rules judge the barred visitor's application.
        var id = await _chain.DriveToPrisonTaskAsync(request);
        var decision = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id });
        Assert.False(decision.Approved);
        Assert.Contains(decision.Failures, f => f.Code == "VISITOR_BARRED" && f.Message.Contains(barReason, StringComparison.Ordinal));

        // At rest: no row of those tables holds any of the texts in clear, and this inmate's are sealed.
        Assert.Empty(await ClearTextScan.RowsContainingAsync(system.Databases["prison_approval"], mark, SealedTextTables));
        Assert.Equal(5L, await CountSealedAsync(
            """
            SELECT (SELECT count(*) FROM inmate_statuses s JOIN inmates i ON i.id = s.inmate_id WHERE i.inmate_number = @number AND s.reason LIKE 'v1:%')
                 + (SELECT count(*) FROM special_approvals a JOIN inmates i ON i.id = a.inmate_id WHERE i.inmate_number = @number AND a.reason LIKE 'v1:%')
                 + (SELECT count(*) FROM quota_entries q JOIN inmates i ON i.id = q.inmate_id WHERE i.inmate_number = @number AND q.mode = 'on_site' AND q.note LIKE 'v1:%')
                 + (SELECT count(*) FROM quota_entries q JOIN inmates i ON i.id = q.inmate_id WHERE i.inmate_number = @number AND q.override_reason LIKE 'v1:%')
                 + (SELECT count(*) FROM barred_visitors b WHERE b.id = @bar AND b.reason LIKE 'v1:%')
            """, number, bar.BarId));
    }

    private async Task<long> CountSealedAsync(string sql, string inmateNumber, string barId)
    {
        await using var connection = new NpgsqlConnection(system.Databases["prison_approval"]);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("number", inmateNumber);
        command.Parameters.AddWithValue("bar", Guid.Parse(barId));
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
