using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Chain;

/// <summary>What the clerk's submission accepts, refuses, and how it answers a retry.</summary>
public sealed class SubmissionTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task BadInputNamesEveryBadFieldAndStoresNothing()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var request = family.Application("孙悟空");
        request.Visitors[0].IdNumber = request.Visitors[0].IdNumber[..17] + (request.Visitors[0].IdNumber[17] == '1' ? '2' : '1');
        request.Visitors[0].Phone = "12345";
        request.VisitMonth = "2020-12"; // a real month, outside the months one may apply for
        request.VenueId = "yanhu-venue";

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.SubmitApplicationAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Equal(new[] { "visitors[0].id_number", "visitors[0].phone", "visit_month", "venue_id" }.Order(), fields.Order());
        Assert.DoesNotContain(await _chain.Clerk.AllApplicationsAsync(), a => a.InmateName == "孙悟空");
    }

    [Fact]
    public async Task PreferencesOutsideTheMonthOrRepeatedAreNamed()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var request = family.Application("白玉堂");
        var first = DateOnly.ParseExact(request.VisitMonth + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        request.PreferredDates.Add(Day(first.AddDays(12)));
        request.PreferredDates.Add(Day(first.AddMonths(1))); // the next month
        request.PreferredDates.Add(Day(first.AddDays(12)));  // again

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.SubmitApplicationAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order();
        Assert.Equal(new[] { "preferred_dates[1]", "preferred_dates[2]" }.Order(), fields);
    }

    [Fact]
    public async Task UnspecifiedOrUndefinedEnumsAreNamedFields()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var unspecified = family.Application("沙悟净");
        unspecified.Visitors[0].Relation = Relation.Unspecified;
        // Numbers the proto does not define are refused by the input rules, before the submission's own checks.
        var undefined = family.Application("沙悟净");
        undefined.Visitors[0].Documents.Add((DocumentKind)42);
        undefined.PreferredPartOfDay = (PartOfDay)7;

        var missing = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.SubmitApplicationAsync(unspecified));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.SubmitApplicationAsync(undefined));
        var badFilter = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.Clerk.ListApplicationsAsync(new ListApplicationsRequest { Status = (ApplicationStatus)99 }));

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (missing.StatusCode, unknown.StatusCode));
        Assert.Equal("visitors[0].relation", Assert.Single(missing.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        var fields = unknown.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order();
        Assert.Equal(new[] { "preferred_part_of_day", $"visitors[0].documents[{undefined.Visitors[0].Documents.Count - 1}]" }, fields);
        Assert.Equal(StatusCode.InvalidArgument, badFilter.StatusCode);
        Assert.Equal("status", Assert.Single(badFilter.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task FourAdultsAreRefusedButAChildUnderFourteenWithAGuardianIsNotCounted()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var tooMany = family.Application("周大福");
        for (var i = 0; i < 3; i++)
        {
            tooMany.Visitors.Add(family.Adult($"亲属{i}", Relation.Brother));
        }

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.SubmitApplicationAsync(tooMany));
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "visitors" && v.Reason == "TOO_MANY_VISITORS");

        var withChild = family.Application("周大福");
        withChild.Visitors.Add(family.Adult("周一", Relation.Son));
        withChild.Visitors.Add(family.Adult("周二", Relation.Daughter));
        var childBirth = system.Clock.ChinaToday.AddYears(-9);
        withChild.Visitors.Add(new VisitorInput
        {
            Name = "周小宝",
            IdNumber = ResidentIds.BornOn(childBirth),
            Relation = Relation.Grandson,
            Documents = { DocumentKind.HouseholdRegister },
        });

        // The child's guardian must be on the application [Y 五(四)]; the clerk learns it at the counter.
        var unaccompanied = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.SubmitApplicationAsync(withChild));
        var violation = Assert.Single(unaccompanied.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("CHILD_WITHOUT_GUARDIAN", violation.Reason);
        Assert.Contains("监护人", violation.Description, StringComparison.Ordinal);

        withChild.RequestId = Guid.NewGuid().ToString();
        withChild.Visitors[1].IsGuardian = true;
        var reply = await _chain.Clerk.SubmitApplicationAsync(withChild);
        Assert.False(string.IsNullOrEmpty(reply.ApplicationId));
    }

    [Fact]
    public async Task RetriedSubmissionReturnsTheFirstApplication()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var request = new Family(system.Clock).Application("吴用");

        var first = await _chain.Clerk.SubmitApplicationAsync(request);
        var again = await _chain.Clerk.SubmitApplicationAsync(request);

        Assert.Equal(first.ApplicationId, again.ApplicationId);
        var view = await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = first.ApplicationId });
        Assert.Single(view.Timeline, t => t.Event == TimelineEvent.Submitted);
        Assert.Equal((ApplicationStatus.Submitted, TimelineStage.Application), (again.Status, view.Timeline[0].Stage));
        var summary = Assert.Single(await _chain.Clerk.AllApplicationsAsync(ApplicationStatus.Submitted), a => a.ApplicationId == first.ApplicationId);
        Assert.Equal(view.SubmittedAt, summary.SubmittedAt);
        Assert.Equal(view.SubmittedAt, view.Timeline[0].At);
        Assert.Matches(@"^1390\*{10}\d{3}[0-9X]$|^\d{4}\*{10}\d{3}[0-9X]$", view.Visitors[0].IdNumberMasked);
        Assert.Matches(@"^139\*{4}\d{4}$", view.Visitors[0].PhoneMasked);
    }

    [Fact]
    public async Task ResidentIdWithAFutureBirthDateIsABadArgument()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var request = new Family(system.Clock).Application("未来人");
        request.Visitors[0].IdNumber = ResidentIds.BornOn(system.Clock.ChinaToday.AddYears(1));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Clerk.SubmitApplicationAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "visitors[0].id_number");
    }

    [Fact]
    public async Task InmateImportWithAnAreaThePrisonDoesNotHaveIsABadArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _chain.Officer.ImportInmatesAsync(new Contracts.Grpc.PrisonApproval.ImportInmatesRequest
        {
            Inmates = { new Contracts.Grpc.PrisonApproval.InmateRecord { InmateNumber = "X1", Name = "错区", PrisonArea = "8", ManagementLevel = Contracts.Grpc.PrisonApproval.ManagementLevel.Normal } },
        }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "inmates[0].prison_area");
    }

    [Fact]
    public async Task UnknownApplicationIsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.Clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = Guid.NewGuid().ToString() }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
