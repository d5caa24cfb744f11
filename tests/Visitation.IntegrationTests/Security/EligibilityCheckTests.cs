using System.Globalization;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.PrisonApproval;
using Visitation.PrisonApproval.Features.CheckEligibility;
using Visitation.ServiceDefaults;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Security;

/// <summary>
/// CheckEligibility answers the counter's question and nothing more (issue 11): eligible, the
/// visitors' own reasons, or one neutral "请联系监狱会见中心" that is the same bytes for a suspended
/// inmate and for one the register does not know; limited per user; bad questions named field by field.
/// </summary>
public sealed class EligibilityCheckTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AClerkOrReviewerLearnsNoInmateFactWhateverSuspendsTheInmate()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var today = system.Clock.ChinaToday;
        var strict = await ImportAsync("严管", ManagementLevel.Strict);
        var investigated = await ImportAsync("立案侦查", ManagementLevel.Normal, new StatusInput { Kind = InmateStatusKind.Investigation, From = Day(today.AddDays(-20)), Reason = "涉嫌新罪" });
        var confined = await ImportAsync("禁闭", ManagementLevel.Normal, new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(today), To = Day(today.AddMonths(3)), Reason = "违反监规" });
        var ordinary = await ImportAsync("普管", ManagementLevel.Normal);
        var clerk = Asking(Roles.Clerk, Orgs.Office);
        var reviewer = Asking(Roles.Reviewer, Orgs.County);

        var eligible = await clerk.CheckEligibilityAsync(ordinary);
        var replies = new[]
        {
            await clerk.CheckEligibilityAsync(strict),
            await clerk.CheckEligibilityAsync(investigated),
            await clerk.CheckEligibilityAsync(confined),
            await reviewer.CheckEligibilityAsync(WithPurpose(confined, EligibilityPurpose.ApplicationReview)),
        };

        Assert.Equal(new EligibilityReply { Outcome = EligibilityOutcome.Eligible }, eligible);
        Assert.All(replies, reply => Assert.Equal(CounterQuestions.ContactPrison, reply));
        Assert.All(replies, reply => Assert.Equal(CounterQuestions.ContactPrison.ToByteArray(), reply.ToByteArray()));
    }

    [Fact]
    public async Task AnUnknownInmateGetsTheSameBytesAsAKnownIneligibleOne()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var confined = await ImportAsync("已知禁闭", ManagementLevel.Normal,
            new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(system.Clock.ChinaToday), To = Day(system.Clock.ChinaToday.AddMonths(3)), Reason = "违反监规" });
        var clerk = Asking(Roles.Clerk, Orgs.Office);
        var unknownNumber = confined.Clone();
        unknownNumber.Inmate.InmateNumber = "YJ-NOBODY-" + confined.Inmate.InmateNumber;
        var otherName = confined.Clone();
        otherName.Inmate.Name = "查无此人";

        var known = await clerk.CheckEligibilityAsync(confined);
        var byNumber = await clerk.CheckEligibilityAsync(unknownNumber);
        var byName = await clerk.CheckEligibilityAsync(otherName);

        Assert.Equal(CounterQuestions.ContactPrison, known);
        Assert.Equal(known.ToByteArray(), byNumber.ToByteArray());
        Assert.Equal(known.ToByteArray(), byName.ToByteArray());
    }

    [Fact]
    public async Task AVisitorsBarAtThePrisonIsTheNeutralAnswerNotTheBar()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var ask = await ImportAsync("探视人禁见", ManagementLevel.Normal);
        await _chain.Officer.BarVisitorAsync(new BarVisitorRequest { IdNumber = ask.Visitors[0].IdNumber, From = Day(system.Clock.ChinaToday), Reason = "会见中传递违禁信息" });

        var reply = await Asking(Roles.Clerk, Orgs.Office).CheckEligibilityAsync(ask);

        Assert.Equal(CounterQuestions.ContactPrison, reply);
    }

    [Fact]
    public async Task VisitorSideFailuresAreNamedWithTheirRuleCodesWhateverTheInmate()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var confined = await ImportAsync("家属不符", ManagementLevel.Normal,
            new StatusInput { Kind = InmateStatusKind.Confinement, From = Day(system.Clock.ChinaToday), To = Day(system.Clock.ChinaToday.AddMonths(3)), Reason = "违反监规" }, family);
        confined.Visitors.Clear();
        confined.Visitors.Add(CounterQuestions.Visitor(family.Adult("王秀英", Relation.Mother)));
        confined.Visitors.Add(CounterQuestions.Visitor(family.Adult("张一", Relation.Brother)));
        confined.Visitors.Add(CounterQuestions.Visitor(family.Adult("张二", Relation.Sister)));
        var noIdCard = CounterQuestions.Visitor(family.Adult("李三", Relation.Spouse));
        noIdCard.Documents.Remove(DocumentKind.ResidentId);
        noIdCard.Documents.Remove(DocumentKind.RecentPhoto);
        confined.Visitors.Add(noIdCard);
        confined.Visitors.Add(new EligibilityVisitor { IdNumber = ResidentIds.BornOn(system.Clock.ChinaToday.AddYears(-10)), Relation = Relation.Son, Documents = { DocumentKind.HouseholdRegister } });
        var unknown = confined.Clone();
        unknown.Inmate.InmateNumber = "YJ-NOBODY-" + confined.Inmate.InmateNumber;
        var clerk = Asking(Roles.Clerk, Orgs.Office);

        var reply = await clerk.CheckEligibilityAsync(confined);
        var aboutNobody = await clerk.CheckEligibilityAsync(unknown);

        Assert.Equal(EligibilityOutcome.VisitorsIneligible, reply.Outcome);
        Assert.Equal(new[] { "TOO_MANY_VISITORS", "CHILD_WITHOUT_GUARDIAN", "IDENTITY_DOCUMENT_MISSING", "REQUIRED_DOCUMENT_MISSING" }, reply.Failures.Select(f => f.Code));
        Assert.All(reply.Failures, f => Assert.StartsWith("[Y ", f.Source, StringComparison.Ordinal));
        Assert.Equal("", reply.Message);
        // Judged before the register is read: the inmate's confinement, or absence, changes nothing.
        Assert.Equal(reply.ToByteArray(), aboutNobody.ToByteArray());
    }

    [Fact]
    public async Task AnUncleIsRefusedWithTheProvincesArticleAndAnAdoptiveMotherCountsAsAMother()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var question = await ImportAsync("亲属范围", ManagementLevel.Normal, family: family);
        question.Visitors.Clear();
        question.Visitors.Add(CounterQuestions.Visitor(family.Adult("赵养母", Relation.AdoptiveMother)));
        var withUncle = question.Clone();
        withUncle.Visitors.Add(CounterQuestions.Visitor(family.Adult("赵舅", Relation.Uncle)));
        var clerk = Asking(Roles.Clerk, Orgs.Office);

        var adoptive = await clerk.CheckEligibilityAsync(question);
        var uncle = await clerk.CheckEligibilityAsync(withUncle);

        Assert.Equal(EligibilityOutcome.Eligible, adoptive.Outcome);
        Assert.Equal(EligibilityOutcome.VisitorsIneligible, uncle.Outcome);
        var failure = Assert.Single(uncle.Failures);
        Assert.Equal(("RELATION_NOT_IN_SCOPE", "[Y 五(二)]"), (failure.Code, failure.Source));
        Assert.Contains("第2位会见人（伯父／叔父／舅父／姑父／姨父）", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUserPastTheLimitIsRefusedWithResourceExhaustedAndOthersAreStillAnswered()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var ask = await ImportAsync("频繁查询", ManagementLevel.Normal);
        var busy = Asking(Roles.Clerk, Orgs.Office);
        for (var i = 0; i < VisitationSystem.EligibilityQuestionsPerUser; i++)
        {
            Assert.Equal(EligibilityOutcome.Eligible, (await busy.CheckEligibilityAsync(ask)).Outcome);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await busy.CheckEligibilityAsync(ask));
        var other = await Asking(Roles.Clerk, Orgs.Office).CheckEligibilityAsync(ask);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.StartsWith("查询过于频繁，请", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(EligibilityOutcome.Eligible, other.Outcome);
    }

    [Fact]
    public async Task BadQuestionsNameEveryBadFieldAndAreBounded()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var bad = CounterQuestions.For(family.Application("坏问题"), inmateNumber: "");
        // Wrong for the question, not hostile: the input rules let these through to the question's own checks.
        bad.Inmate.Name = "   ";
        bad.VisitMonth = "2020-12";
        bad.Purpose = EligibilityPurpose.Unspecified;
        bad.Visitors[0].IdNumber = bad.Visitors[0].IdNumber[..17] + (bad.Visitors[0].IdNumber[17] == '1' ? '2' : '1');
        bad.Visitors.Add(new EligibilityVisitor { IdNumber = ResidentIds.Next(), Relation = Relation.Unspecified, Documents = { DocumentKind.ResidentId, DocumentKind.ResidentId } });
        var crowd = CounterQuestions.For(family.Application("人太多"), family.InmateNumber);
        crowd.Visitors.AddRange(Enumerable.Range(0, EligibilityQuestions.MaxVisitors).Select(_ => CounterQuestions.Visitor(family.Adult("亲属", Relation.Brother))));
        var nobody = CounterQuestions.For(family.Application("无人"), family.InmateNumber);
        nobody.Inmate = null;
        var clerk = Asking(Roles.Clerk, Orgs.Office);

        var fields = await ViolatedFieldsAsync(clerk, bad);

        Assert.Equal(
            new[] { "inmate.inmate_number", "inmate.name", "purpose", "visit_month", "visitors[0].id_number", "visitors[1].documents", "visitors[1].relation" },
            fields);
        Assert.Equal(new[] { "visitors" }, await ViolatedFieldsAsync(clerk, crowd));
        Assert.Equal(new[] { "inmate" }, await ViolatedFieldsAsync(clerk, nobody));
    }

    [Fact]
    public async Task ALimitOfNoQuestionsStopsPrisonApprovalAsItStarts()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = "Host=127.0.0.1;Port=1;Database=never_reached",
            ["ConnectionStrings:RabbitMq"] = BusStartup.UnreachableBroker,
            // Valid, so that the limit is the one setting refused (the audience is required since the identity service).
            ["Auth:Audience"] = "visitation-prison-approval",
            ["RateLimits:CheckEligibility:PermitLimit"] = "0",
        });
        // The field-protection keys too (the service refuses to start without them).
        builder.Configuration.AddInMemoryCollection(TestProtectionKeys.Settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddServiceDefaults(PrisonApprovalModule.Name);
        builder.AddPrisonApprovalService();
        await using var app = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(nameof(EligibilityRateLimitOptions.PermitLimit), refused.Message, StringComparison.Ordinal);
    }

    private static async Task<string[]> ViolatedFieldsAsync(PrisonApprovalService.PrisonApprovalServiceClient client, CheckEligibilityRequest request)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.CheckEligibilityAsync(request));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>A client for a user of this test alone, so the per-user limit counts only its own questions.</summary>
    private PrisonApprovalService.PrisonApprovalServiceClient Asking(string role, string organisation) =>
        system.PrisonApproval(VisitationSystem.Token(role, organisation, $"{role}-{Guid.NewGuid():N}"));

    /// <summary>Registers an inmate of its own family and returns the question a clerk would ask about them for that family.</summary>
    private async Task<CheckEligibilityRequest> ImportAsync(string name, ManagementLevel level, StatusInput? status = null, Family? family = null)
    {
        family ??= new Family(system.Clock);
        var inmate = name + family.Phone[^4..];
        var record = new InmateRecord { InmateNumber = family.InmateNumber, Name = inmate, PrisonArea = "3", ManagementLevel = level };
        if (status is not null)
        {
            record.Statuses.Add(status);
        }

        await _chain.Officer.ImportInmatesAsync(new ImportInmatesRequest { Inmates = { record } });
        return CounterQuestions.For(family.Application(inmate), family.InmateNumber);
    }

    private static CheckEligibilityRequest WithPurpose(CheckEligibilityRequest request, EligibilityPurpose purpose)
    {
        var asked = request.Clone();
        asked.Purpose = purpose;
        return asked;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
