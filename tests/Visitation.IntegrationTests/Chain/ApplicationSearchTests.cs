using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Chain;

/// <summary>The office's list searched as the clerk's search box does: by application number or by a name, within the office only.</summary>
public sealed class ApplicationSearchTests(VisitationSystem system)
{
    private const string Digits = "零一二三四五六七八九";
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AnApplicationIsFoundByItsWholeNumberAPartOfItOrTheInmatesOrAVisitorsName()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        // Names no other family of the run has: the phone's own digits, written in Chinese.
        var inmate = "查" + Unique(family);
        var visitor = "访" + Unique(family);
        var request = family.Application(inmate);
        request.Visitors[0].Name = visitor;
        var id = await _chain.SubmitAsync(request);
        var other = await _chain.SubmitAsync(new Family(system.Clock).Application("查无此人"));

        Assert.Equal([id], await FoundAsync(id));
        Assert.Equal([id], await FoundAsync(id.ToUpperInvariant()));
        Assert.Equal([id], await FoundAsync(id[^8..]));
        Assert.Contains(id, await FoundAsync(id[..8]));
        Assert.DoesNotContain(other, await FoundAsync(id[^12..]));
        Assert.Equal([id], await FoundAsync(inmate[1..]));
        Assert.Equal([id], await FoundAsync(" " + visitor + " "));
        Assert.Equal([id], await FoundAsync(inmate, ApplicationStatus.Submitted));
        Assert.Empty(await FoundAsync(inmate, ApplicationStatus.Withdrawn));
    }

    [Fact]
    public async Task AnotherOfficesClerkFindsNothingByTheNumberOrTheName()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        var inmate = "查" + Unique(family);
        var id = await _chain.SubmitAsync(family.Application(inmate));
        var otherClerk = system.Applications(VisitationSystem.Token(Roles.Clerk, Orgs.OtherOffice));

        Assert.Equal([id], await FoundAsync(inmate));
        Assert.Empty((await otherClerk.ListApplicationsAsync(new ListApplicationsRequest { Query = id })).Applications);
        Assert.Empty((await otherClerk.ListApplicationsAsync(new ListApplicationsRequest { Query = inmate })).Applications);
    }

    [Fact]
    public async Task ASearchLongerThanAnyNumberIsANamedBadField()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _chain.Clerk.ListApplicationsAsync(new ListApplicationsRequest { Query = new string('查', 41) }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("query", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    private async Task<List<string>> FoundAsync(string query, ApplicationStatus status = ApplicationStatus.Unspecified)
    {
        var reply = await _chain.Clerk.ListApplicationsAsync(new ListApplicationsRequest { Query = query, Status = status, Page = new PageRequest { PageSize = 200 } });
        return [.. reply.Applications.Select(a => a.ApplicationId)];
    }

    private static string Unique(Family family) => string.Concat(family.Phone[^6..].Select(c => Digits[c - '0']));
}
