using System.Globalization;
using System.Text.Json.Nodes;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Audit;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Reliability;
using Visitation.Scheduling;
using Visitation.Rules.Calendars;
using Visitation.Rules.Sms;

namespace Visitation.IntegrationTests.DayOf;

/// <summary>
/// A calendar change is deployed as new reference data; the scheduling instance that starts with it
/// cancels and re-offers the booked visits on a day that no longer exists (issue 5), a day a new year's
/// holiday notice takes included (issue 14).
/// </summary>
public sealed class ReferenceDataChangeTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AVisitDayRemovedFromTheCalendarIsCancelledAndReofferedWhenSchedulingStartsWithIt()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "调整" + family.Phone[^4..], area: "10");
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        var folder = CopyWithDayRemoved(Orgs.Prison, "10", visit.Date);
        try
        {
            var settings = new Dictionary<string, string>(system.SettingsOf("scheduling")) { ["ReferenceData:Path"] = folder };
            await using var deployed = new ServiceHost<SchedulingGrpcService>(settings, system.Clock);
            _ = deployed.Server;

            var cancelled = await Eventually.Until(async () => await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId }),
                v => v.Status == VisitStatus.Cancelled, "the visit on the removed day to be cancelled");
            var replacement = await _chain.WaitForProposalAsync(id);
            var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count == 3, "the cancellation SMS");

            Assert.Equal(("SCHEDULE_CHANGED", "会见日安排调整"), (cancelled.OutcomeReasonCode, cancelled.OutcomeReason));
            Assert.NotEqual(visit.Date, replacement.Date);
            Assert.Contains("原因：" + SmsReasons.Arrangements, sms[2].Text, StringComparison.Ordinal);
            Assert.Contains("新的会见时间确定后将另行短信通知", sms[2].Text, StringComparison.Ordinal);
            Assert.Equal("SCHEDULE_CHANGED", (await AuditRows.SingleAsync(system, "scheduling", "VisitCancelled", visit.VisitId, AuditedActor.System)).ReasonCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task NextYearsHolidayNoticeCoveringABookedDayCancelsItAndReoffersAnotherWhenSchedulingStartsWithIt()
    {
        // Mid-November 2026, before the 2027 notice: only the statutory 1 January is known, so 3 January is offered.
        system.Clock.StartAt(TestDates.At(2026, 11, 16, 9, 0));
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "元旦后" + family.Phone[^4..], area: "3", amend: request =>
        {
            request.VisitMonth = "2027-01";
            request.PreferredDates.Add("2027-01-03");
        });
        Assert.Equal("2027-01-03", proposal.Date);
        var visit = await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        // The notice arrives: New Year runs 1–3 January 2027.
        var folder = CopyWithNotice(2027, new Holiday(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 3), "元旦"));
        try
        {
            var settings = new Dictionary<string, string>(system.SettingsOf("scheduling")) { ["ReferenceData:Path"] = folder };
            await using var deployed = new ServiceHost<SchedulingGrpcService>(settings, system.Clock);
            _ = deployed.Server;

            var cancelled = await Eventually.Until(async () => await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = visit.VisitId }),
                v => v.Status == VisitStatus.Cancelled, "the visit on the new holiday to be cancelled");
            var replacement = await _chain.WaitForProposalAsync(id);
            var sms = await Eventually.Until(() => system.SmsTo(family.Phone), s => s.Count == 3, "the cancellation SMS");

            Assert.Equal("SCHEDULE_CHANGED", cancelled.OutcomeReasonCode);
            Assert.True(string.CompareOrdinal(replacement.Date, "2027-01-03") > 0, replacement.Date);
            Assert.StartsWith("2027-01-", replacement.Date, StringComparison.Ordinal);
            Assert.Contains("原因：" + SmsReasons.Arrangements, sms[2].Text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The shipped data with <paramref name="year"/>'s notice added: its statutory days, with <paramref name="changed"/> replacing the festival of its name.</summary>
    private static string CopyWithNotice(int year, Holiday changed)
    {
        var target = ReferenceDataFolder.Copy(ReferenceDataFolder.Shipped);
        var holidays = new JsonArray();
        foreach (var holiday in StatutoryHolidays.Of(year).Select(h => h.Name == changed.Name ? changed : h))
        {
            holidays.Add(new JsonObject { ["from"] = Iso(holiday.From), ["to"] = Iso(holiday.To), ["name"] = holiday.Name });
        }

        var notice = new JsonObject { ["year"] = year, ["source"] = $"测试：{year}年部分节假日安排的通知", ["holidays"] = holidays };
        File.WriteAllText(Path.Combine(target, "holidays", $"{year}.json"), notice.ToJsonString());
        return target;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AProposalMadeBeforeHoldTimersExistedGetsItsTimerWhenSchedulingStarts()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var (_, proposal) = await _chain.DriveToProposalAsync(family, "补时" + family.Phone[^4..], area: "9");
        var scheduling = system.Databases["scheduling"];
        const string HoldTimer = "FROM scheduled_messages WHERE message_type = 'Visitation.Contracts.Timers.HoldLapseDue' AND body->>'visitId' = @visit";

        // As if proposed before the timers existed: its hold has no timer row.
        var removed = await OutboxRows.QueryAsync(scheduling, $"WITH d AS (DELETE {HoldTimer} RETURNING 1) SELECT count(*) FROM d", ("visit", proposal.VisitId));
        Assert.Equal(1L, Convert.ToInt64(removed, CultureInfo.InvariantCulture));
        await using (var restarted = new ServiceHost<SchedulingGrpcService>(system.SettingsOf("scheduling"), system.Clock))
        {
            _ = restarted.Server;
            var due = await Eventually.Until(async () => await OutboxRows.QueryAsync(scheduling, $"SELECT due_at {HoldTimer} AND sent_at IS NULL", ("visit", proposal.VisitId)),
                d => d is DateTime, "the start-up re-check to set the hold timer");

            var expected = proposal.HoldExpiresAt.ToDateTimeOffset().UtcDateTime;
            Assert.InRange(((DateTime)due!).ToUniversalTime() - expected, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1)); // due when the hold ends
        }

        Assert.Equal(VisitStatus.Proposed, (await _chain.VisitCentre.GetVisitAsync(new GetVisitRequest { VisitId = proposal.VisitId })).Status);
    }

    private static string CopyWithDayRemoved(string prisonId, string areaId, string date)
    {
        var target = ReferenceDataFolder.Copy(ReferenceDataFolder.Shipped);
        var path = Path.Combine(target, "organisations.json");
        var organisations = JsonNode.Parse(File.ReadAllText(path))!;
        var area = organisations["prisons"]!.AsArray().Single(p => (string?)p!["id"] == prisonId)!["areas"]!.AsArray().Single(a => (string?)a!["id"] == areaId)!;
        if (area["exceptions"] is not JsonArray exceptions)
        {
            area["exceptions"] = exceptions = [];
        }

        exceptions.Add(new JsonObject { ["date"] = date, ["kind"] = "remove", ["reason"] = "监区调整" });
        File.WriteAllText(path, organisations.ToJsonString());
        return target;
    }
}
