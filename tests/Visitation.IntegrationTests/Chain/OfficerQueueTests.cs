using System.Globalization;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Chain;

/// <summary>What the visit centre's console shows before deciding: the rules' verdicts in the queue, both ends' free capacity in the slot picker.</summary>
public sealed class OfficerQueueTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task APendingApprovalCarriesEachPrisonRulesVerdictWithItsArticleAndTheInmatesStatusesAndQuota()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "孙立平" + family.Phone[^4..];
        var request = family.Application(inmate);
        var month = MonthOf(request);
        // Confined for the whole visit month: every day is closed, so approving now would refuse.
        await _chain.Officer.ImportInmatesAsync(new ImportInmatesRequest { Inmates = { ConfinedFor(month, family.InmateNumber, inmate) } });

        var id = await _chain.DriveToPrisonTaskAsync(request);
        var task = (await _chain.Officer.AllPendingApprovalsAsync()).Single(t => t.ApplicationId == id);

        Assert.False(task.RulesPass);
        var suspension = task.Verdicts.Single(v => v.Rule == "SUSPENSION");
        Assert.False(suspension.Passed);
        var failure = Assert.Single(suspension.Failures);
        Assert.Equal(("SUSPENDED_CONFINEMENT", "[Y 九5]"), (failure.Code, failure.Source));
        var quota = task.Verdicts.Single(v => v.Rule == "MONTHLY_QUOTA");
        Assert.Equal((true, "[Y 九3]"), (quota.Passed, quota.Source));
        Assert.Empty(quota.Failures);
        Assert.Contains(task.Verdicts, v => v.Rule == "RELATION_REGISTER" && v.Passed);
        Assert.Equal((family.InmateNumber, request.VisitMonth, 0, 1), (task.Inmate.InmateNumber, task.Inmate.QuotaMonth, task.Inmate.QuotaUsed, task.Inmate.QuotaAllowed));
        Assert.Contains(task.Inmate.Statuses, s => s.Kind == InmateStatusKind.Confinement && s.From == Day(month));
    }

    [Fact]
    public async Task OnePageJudgesEachTaskByItsOwnInmatesRecords()
    {
        // The queue reads the prison's records once for a whole page: two inmates on it, one confined for
        // the month and one free, must each be judged by their own statuses, quota and relatives.
        system.Clock.StartAt(TestDates.ApplicationDay);
        var confinedFamily = new Family(system.Clock);
        var freeFamily = new Family(system.Clock);
        var confined = "关押" + confinedFamily.Phone[^4..];
        var free = "自由" + freeFamily.Phone[^4..];
        var confinedRequest = confinedFamily.Application(confined);
        await _chain.Officer.ImportInmatesAsync(new ImportInmatesRequest
        {
            Inmates =
            {
                ConfinedFor(MonthOf(confinedRequest), confinedFamily.InmateNumber, confined),
                new InmateRecord { InmateNumber = freeFamily.InmateNumber, Name = free, PrisonArea = "3", ManagementLevel = ManagementLevel.Normal },
            },
        });

        // A record only the confined inmate has: the month's special approval (read with the page's records).
        await _chain.Director.RecordSpecialApprovalAsync(new RecordSpecialApprovalRequest
        {
            InmateNumber = confinedFamily.InmateNumber, Kind = SpecialApprovalKind.ExtraVisit, Month = confinedRequest.VisitMonth,
            ApprovedBy = { SpecialApprovalLevel.PrisonArea }, Signatories = "监区长 刘", Reason = "家中有事",
        });
        var confinedId = await _chain.DriveToPrisonTaskAsync(confinedRequest);
        var freeId = await _chain.DriveToPrisonTaskAsync(freeFamily.Application(free));
        var page = (await _chain.Officer.ListPendingApprovalsAsync(new ListPendingApprovalsRequest { Page = new() { PageSize = 200 } })).Tasks;
        var tasks = page.Any(t => t.ApplicationId == confinedId) && page.Any(t => t.ApplicationId == freeId)
            ? [.. page]
            : await _chain.Officer.AllPendingApprovalsAsync(); // more than a page waits in the shared system: still each its own

        var confinedTask = tasks.Single(t => t.ApplicationId == confinedId);
        var freeTask = tasks.Single(t => t.ApplicationId == freeId);
        Assert.False(confinedTask.RulesPass);
        Assert.False(confinedTask.Verdicts.Single(v => v.Rule == "SUSPENSION").Passed);
        Assert.Equal(confinedFamily.InmateNumber, confinedTask.Inmate.InmateNumber);
        Assert.Single(confinedTask.Inmate.Statuses);
        Assert.Equal(SpecialApprovalKind.ExtraVisit, Assert.Single(confinedTask.Inmate.SpecialApprovals).Kind);
        Assert.True(freeTask.RulesPass);
        Assert.All(freeTask.Verdicts, v => Assert.True(v.Passed, v.Rule));
        Assert.Equal((freeFamily.InmateNumber, 0, 1), (freeTask.Inmate.InmateNumber, freeTask.Inmate.QuotaUsed, freeTask.Inmate.QuotaAllowed));
        Assert.Empty(freeTask.Inmate.Statuses);
        Assert.Empty(freeTask.Inmate.SpecialApprovals);
    }

    [Fact]
    public async Task FreeSlotsCountBothEndsFreeTerminalsAndAnotherVisitsHoldTakesOneOfEach()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var first = new Family(system.Clock);
        var second = new Family(system.Clock);
        var (_, proposal) = await _chain.DriveToProposalAsync(first, "周文斌" + first.Phone[^4..], area: "7");
        var (_, other) = await _chain.DriveToProposalAsync(second, "吴海燕" + second.Phone[^4..], area: "7");

        var free = await _chain.VisitCentre.ListFreeSlotsAsync(new ListFreeSlotsRequest { VisitId = proposal.VisitId, MaxResults = 200 });

        Assert.NotEmpty(free.Slots);
        // 山西省永济监狱 has four terminals, 永济市司法局远程视频会见室 two (deploy/reference-data/organisations.json).
        Assert.All(free.Slots, s => Assert.Equal((4, 2), (s.PrisonTerminals, s.VenueTerminals)));
        Assert.All(free.Slots, s => Assert.InRange(s.PrisonFreeTerminals, 1, 4));
        Assert.All(free.Slots, s => Assert.InRange(s.VenueFreeTerminals, 1, 2));
        // The listed visit's own hold is left out of its search; the other's is not.
        var atOther = free.Slots.SingleOrDefault(s => s.Date == other.Date && s.StartTime == other.StartTime);
        if ((other.Date, other.StartTime) == (proposal.Date, proposal.StartTime))
        {
            Assert.NotNull(atOther);
        }

        if (atOther is not null)
        {
            Assert.True(atOther.PrisonFreeTerminals <= 3 && atOther.VenueFreeTerminals <= 1,
                $"the other visit's slot shows {atOther.PrisonFreeTerminals}/4 and {atOther.VenueFreeTerminals}/2 free");
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly MonthOf(SubmitApplicationRequest request) =>
        DateOnly.ParseExact(request.VisitMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An area-3 inmate confined for the whole of <paramref name="month"/>: every day of it closed.</summary>
    private static InmateRecord ConfinedFor(DateOnly month, string inmateNumber, string name) => new()
    {
        InmateNumber = inmateNumber, Name = name, PrisonArea = "3", ManagementLevel = ManagementLevel.Normal,
        Statuses = { new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(month), To = Day(month.AddMonths(1).AddDays(-1)) } },
    };
}
