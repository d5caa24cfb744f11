using System.Globalization;
using Grpc.Core;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using Visitation.Rules.Sms;

namespace Visitation.IntegrationTests.Chain;

/// <summary>Visitor bars, departures and special approvals, as the visit centre records them (issue 4).</summary>
public sealed class InmateChangeTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task ABarredVisitorsPendingApplicationIsRefusedWithTheBarReason()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "禁止会见" + family.Phone[^4..];
        await _chain.ImportInmateAsync(family.InmateNumber, inmate, "3");
        var request = family.Application(inmate);
        var id = await _chain.DriveToPrisonTaskAsync(request);

        var bar = await _chain.Officer.BarVisitorAsync(new BarVisitorRequest
        {
            IdNumber = request.Visitors[0].IdNumber,
            From = Day(system.Clock.ChinaToday),
            Reason = "上次会见中私自录音",
        });

        Assert.Equal(1, bar.ApplicationsRefused);
        var application = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.PrisonRejected, smsCount: 2);
        Assert.Equal("VISITOR_BARRED", application.Timeline.Single(t => t.Event == TimelineEvent.PrisonRejected).ReasonCode);
        var refusal = (await system.SmsTo(family.Phone))[1].Text;
        Assert.Contains("原因：" + SmsReasons.ConditionsNotMet, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("私自录音", refusal, StringComparison.Ordinal); // a fact about the inmate: not for a shared phone
    }

    [Fact]
    public async Task ATransferredInmateCannotBeApprovedAndTheReasonSaysWhereToApply()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "已调监" + family.Phone[^4..];
        var number = family.InmateNumber;
        await _chain.ImportInmateAsync(number, inmate, "3");
        var id = await _chain.DriveToPrisonTaskAsync(family.Application(inmate));

        var view = await _chain.Officer.RecordDepartureAsync(new RecordDepartureRequest
        {
            InmateNumber = number,
            Kind = DepartureKind.Transferred,
            On = Day(system.Clock.ChinaToday),
            TransferredTo = "晋中监狱",
        });

        Assert.Equal(Custody.Transferred, view.Custody);
        var application = await _chain.WaitForOutcomeAsync(id, ApplicationStatus.PrisonRejected, smsCount: 2);
        Assert.Equal("INMATE_TRANSFERRED", application.Timeline.Single(t => t.Event == TimelineEvent.PrisonRejected).ReasonCode);
        var refusal = (await system.SmsTo(family.Phone))[1].Text;
        Assert.Contains("原因：" + SmsReasons.ConditionsNotMet, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("监狱", refusal, StringComparison.Ordinal); // a fact about the inmate: not for a shared phone

        // Transferred back: the register says so, and the family may apply again.
        var back = await _chain.Officer.RecordDepartureAsync(new RecordDepartureRequest { InmateNumber = number, Kind = DepartureKind.Returned, On = view.LeftOn });
        Assert.Equal((Custody.InCustody, ""), (back.Custody, back.LeftOn));
        var clerk = system.PrisonApproval(VisitationSystem.Token(Roles.Clerk, Orgs.Office, "clerk-li"));
        var again = await clerk.CheckEligibilityAsync(CounterQuestions.For(family.Application(inmate), number));
        Assert.Equal(EligibilityOutcome.Eligible, again.Outcome);
    }

    [Fact]
    public async Task AnExtraVisitNeedsEveryLevelOfTheProvincesApprovalChain()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "特批会见" + family.Phone[^4..];
        var number = family.InmateNumber;
        var (firstId, _) = await _chain.DriveToProposalAsync(family, inmate);
        var month = (await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = firstId })).VisitMonth;

        var partial = await _chain.Director.RecordSpecialApprovalAsync(new RecordSpecialApprovalRequest
        {
            InmateNumber = number, Kind = SpecialApprovalKind.ExtraVisit, Month = month, ApprovedBy = { SpecialApprovalLevel.PrisonArea }, Signatories = "监区长 刘", Reason = "父亲病危",
        });
        Assert.False(Assert.Single(partial.SpecialApprovals).Complete);
        var early = await _chain.DriveToPrisonTaskAsync(SecondApplication(family, inmate, month));
        var refused = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = early, UseExtraVisitApproval = true });
        Assert.Equal("MONTHLY_QUOTA_USED", refused.ReasonCode);

        var complete = await _chain.Director.RecordSpecialApprovalAsync(new RecordSpecialApprovalRequest
        {
            InmateNumber = number, Kind = SpecialApprovalKind.ExtraVisit, Month = month,
            ApprovedBy = { SpecialApprovalLevel.PrisonArea, SpecialApprovalLevel.PrisonAdministrationSection, SpecialApprovalLevel.PrisonLeadership }, Signatories = "监区长 刘、狱政科长 王、副监狱长 陈", Reason = "父亲病危",
        });
        Assert.Contains(complete.SpecialApprovals, a => a.Complete);
        var second = await _chain.DriveToPrisonTaskAsync(SecondApplication(family, inmate, month));
        var approved = await _chain.Officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = second, UseExtraVisitApproval = true });

        Assert.True(approved.Approved, approved.Reason);
        var after = await _chain.Officer.GetInmateAsync(new GetInmateRequest { InmateNumber = number, Month = month });
        Assert.Equal((2, 1), (after.QuotaUsed, after.QuotaAllowed));
    }

    [Fact]
    public async Task AnUnspecifiedOrUndefinedEnumInARequestIsAFieldViolation()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var number = family.InmateNumber;
        var import = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Officer.ImportInmatesAsync(new ImportInmatesRequest
        {
            Inmates = { new InmateRecord { InmateNumber = number, Name = "未填等级" + family.Phone[^4..], PrisonArea = "3", CrimeCategories = { CrimeCategory.Other } } },
        }));
        // A number the proto does not define is refused by the input rules, before the import's own checks.
        var undefined = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Officer.ImportInmatesAsync(new ImportInmatesRequest
        {
            Inmates = { new InmateRecord { InmateNumber = number, Name = "未知类别" + family.Phone[^4..], PrisonArea = "3", ManagementLevel = ManagementLevel.Normal, CrimeCategories = { (CrimeCategory)99 } } },
        }));
        await _chain.ImportInmateAsync(number, "去向未明" + family.Phone[^4..], "3");
        var departure = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Officer.RecordDepartureAsync(new RecordDepartureRequest
        {
            InmateNumber = number,
            Kind = (DepartureKind)99,
            On = Day(system.Clock.ChinaToday),
        }));

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.InvalidArgument), (import.StatusCode, undefined.StatusCode, departure.StatusCode));
        Assert.Equal(["inmates[0].management_level"], ViolatedFields(import));
        Assert.Equal(["inmates[0].crime_categories[0]"], ViolatedFields(undefined));
        Assert.Equal(["kind"], ViolatedFields(departure));
    }

    [Fact]
    public async Task ASpecialApprovalFromALevelTheProvinceDoesNotHaveIsABadArgument()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var number = family.InmateNumber;
        await _chain.ImportInmateAsync(number, "层级错误" + family.Phone[^4..], "3");

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Director.RecordSpecialApprovalAsync(new RecordSpecialApprovalRequest
        {
            InmateNumber = number, Kind = SpecialApprovalKind.ExtraVisit, Month = Family.NextVisitMonth(system.Clock), ApprovedBy = { SpecialApprovalLevel.PrisonDirector }, Signatories = "张", Reason = "婚礼",
        }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("prison_leadership", error.Status.Detail + string.Join(" ", error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Description)), StringComparison.Ordinal);
    }

    private static SubmitApplicationRequest SecondApplication(Family family, string inmate, string month)
    {
        var request = family.Application(inmate);
        request.VisitMonth = month;
        return request;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> ViolatedFields(RpcException error) =>
        [.. error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field)];
}
