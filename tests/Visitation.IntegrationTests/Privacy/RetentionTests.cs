using Visitation.Application.Features.Retention;
using Visitation.BureauReview.Features.Retention;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Notification.Features.Retention;
using Visitation.PrisonApproval.Features.Retention;
using Visitation.Rules.Privacy;
using Visitation.Scheduling.Features.Retention;

namespace Visitation.IntegrationTests.Privacy;

/// <summary>
/// Retention (docs/retention.md): a year after an application closed, every service that holds its
/// personal data anonymises it, and the figures a bureau reports stay as they were.
/// </summary>
public sealed class RetentionTests(VisitationSystem system)
{
    private const string Anonymised = "PersonalDataAnonymised";
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task RetentionAnonymisesAnOldClosedApplicationInEveryServiceAndKeepsItsCountsLeavingOpenAndRecentOnesUntouched()
    {
        // Old: scheduled for March 2026, then withdrawn (scheduling cancels the visit without a word) — closed in February 2026.
        system.Clock.StartAt(TestDates.ApplicationDay);
        var old = new Family(system.Clock);
        var oldInmate = "留存甲" + old.Phone[^4..];
        var oldReason = "家里临时有事" + old.Phone[^4..];
        var oldIdNumber = "";
        var (oldId, proposal) = await _chain.DriveToProposalAsync(old, oldInmate, amend: r => oldIdNumber = r.Visitors[0].IdNumber);
        await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.WaitForOutcomeAsync(oldId, ApplicationStatus.Scheduled, smsCount: 2);
        await _chain.Clerk.WithdrawApplicationAsync(new WithdrawApplicationRequest { ApplicationId = oldId, Reason = oldReason });
        await _chain.WaitForOutcomeAsync(oldId, ApplicationStatus.Withdrawn, smsCount: 2);
        await WaitForWithdrawalEverywhereAsync(oldId);

        // Recently closed: refused by the bureau in June 2026, for July.
        system.Clock.StartAt(TestDates.JulyApplicationDay);
        var recent = new Family(system.Clock);
        var recentId = await _chain.SubmitAsync(recent.Application("留存乙" + recent.Phone[^4..]));
        await _chain.WaitForBureauTaskAsync(recentId);
        await _chain.Reviewer.RejectApplicationAsync(new RejectReviewRequest { ApplicationId = recentId, ReasonCode = "DOCUMENTS_INCOMPLETE", Reason = "材料不全" });
        await _chain.WaitForOutcomeAsync(recentId, ApplicationStatus.BureauRejected, smsCount: 2);

        // A year and two months after the old one closed (its month ended on 1 April 2026): the cutoff is 20 April 2026.
        system.Clock.StartAt(TestDates.At(2027, 4, 20, 9, 0));
        var open = new Family(system.Clock);
        var openId = await _chain.SubmitAsync(open.Application("留存丙" + open.Phone[^4..]));
        await _chain.WaitForBureauTaskAsync(openId);
        await _chain.WaitForOutcomeAsync(openId, ApplicationStatus.Submitted, smsCount: 1);

        string[] ids = [oldId, recentId, openId];
        var before = await RetainedRows.StatisticsAsync(system.Databases, ids);
        var untouchedBefore = await PersonalRowsAsync(recentId, openId);
        await RunRetentionEverywhereAsync();
        var after = await RetainedRows.StatisticsAsync(system.Databases, ids);

        // Every figure of the three applications is as it was: offices, months, statuses, dates, visitors, relations, ages, visits, SMS.
        foreach (var service in VisitationSystem.ServiceNames)
        {
            Assert.NotEmpty(before[service]);
            Assert.Equal(before[service], after[service]);
        }

        // Nothing of the old family left in any service's own tables: names, ID number, phone (clear or masked), the inmate, the family's words.
        string[] personal = [oldInmate, oldReason, "王秀英", oldIdNumber, Mask.IdNumber(oldIdNumber), old.Phone, Mask.Phone(old.Phone)];
        foreach (var service in VisitationSystem.ServiceNames)
        {
            var rows = await RetainedRows.LinesAsync(system.Databases[service], RetainedRows.Personal[service], oldId);
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.DoesNotContain(personal, value => row.Contains(value, StringComparison.Ordinal)));
            var audit = await AuditRows.SingleAsync(system, service, Anonymised, oldId, AuditedActor.System);
            Assert.Equal(("application", "anonymised"), (audit.RecordType, audit.Outcome));
            // Owned by the organisation the stage's record belongs to, so that organisation's audit administrators see it in the store.
            Assert.Equal(service switch { "prison_approval" => Orgs.Prison, "scheduling" => Orgs.Venue, _ => Orgs.Office }, audit.OwnerOrganisation);
            Assert.Empty(await AuditRows.OfAsync(system.Databases[service], Anonymised, recentId));
            Assert.Empty(await AuditRows.OfAsync(system.Databases[service], Anonymised, openId));
        }

        // The numbers are gone, not sealed: blank in the columns that held them encrypted.
        Assert.Equal(0L, await RetainedRows.ScalarAsync<long>(system.Databases["application"], "SELECT count(*) FROM application_visitors WHERE application_id = @id AND (id_number <> '' OR phone <> '')", oldId));
        Assert.Equal(0L, await RetainedRows.ScalarAsync<long>(system.Databases["notification"], "SELECT count(*) FROM sms_messages WHERE application_id = @id AND (phone <> '' OR text <> '')", oldId));
        // The recent and the open application are untouched, row for row; and the clerk still reads the old one.
        Assert.Equal(untouchedBefore, await PersonalRowsAsync(recentId, openId));
        var kept = await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = oldId });
        Assert.Equal((ApplicationStatus.Withdrawn, "", ""), (kept.Status, kept.Inmate.Name, kept.Visitors.Single().PhoneMasked));

        // Anonymising twice changes nothing and records nothing.
        var anonymisedRows = await PersonalRowsAsync(oldId);
        await RunRetentionEverywhereAsync();
        Assert.Equal(anonymisedRows, await PersonalRowsAsync(oldId));
        foreach (var service in VisitationSystem.ServiceNames)
        {
            Assert.Single(await AuditRows.OfAsync(system.Databases[service], Anonymised, oldId));
        }
    }

    private async Task RunRetentionEverywhereAsync()
    {
        await system.RunPeriodicWorkAsync<AnonymiseClosedApplications>("application");
        await system.RunPeriodicWorkAsync<AnonymiseClosedReviews>("bureau_review");
        await system.RunPeriodicWorkAsync<AnonymiseClosedApprovals>("prison_approval");
        await system.RunPeriodicWorkAsync<AnonymiseClosedVisits>("scheduling");
        await system.RunPeriodicWorkAsync<AnonymiseClosedRecipients>("notification");
    }

    /// <summary>The withdrawal has reached every stage: each keeps its tombstone, and scheduling has cancelled the visit.</summary>
    private async Task WaitForWithdrawalEverywhereAsync(string applicationId)
    {
        foreach (var service in new[] { "bureau_review", "prison_approval", "scheduling" })
        {
            await Eventually.Until(() => RetainedRows.ScalarAsync<long>(system.Databases[service], "SELECT count(*) FROM application_tombstones WHERE application_id = @id", applicationId),
                n => n == 1, $"{service} to record the withdrawal of {applicationId}");
        }

        await Eventually.Until(() => RetainedRows.ScalarAsync<long>(system.Databases["scheduling"], "SELECT count(*) FROM visits WHERE application_id = @id AND status <> 'Cancelled'", applicationId),
            n => n == 0, $"scheduling to cancel the visit of {applicationId}");
    }

    private async Task<Dictionary<string, IReadOnlyList<string>>> PersonalRowsAsync(params string[] applicationIds)
    {
        var rows = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var service in VisitationSystem.ServiceNames)
        {
            rows[service] = [.. (await RetainedRows.LinesAsync(system.Databases[service], RetainedRows.Personal[service], applicationIds)).Order(StringComparer.Ordinal)];
        }

        return rows;
    }
}
