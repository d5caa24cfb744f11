using System.Net;
using System.Net.Http.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Rest;

/// <summary>
/// A prison's own system uses the REST door (docs/rest-api.md) with plain HTTP/1.1 and JSON, and a
/// token it got by client credentials: it imports its register and reads and decides its approvals,
/// and meets the same refusals as a gRPC caller, as JSON.
/// </summary>
public sealed class RestDoorTests(VisitationSystem system, PrisonRestDoor door) : IClassFixture<PrisonRestDoor>
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(BadRequest.Descriptor)));

    [Fact]
    public async Task APrisonsSystemImportsItsRegisterAndReadsAndDecidesItsApprovalsOverRestWithAClientCredentialsToken()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var family = new Family(system.Clock);
        using var prisonSystem = await door.MachineClientAsync(Roles.Officer, Orgs.Prison);

        using var imported = await prisonSystem.PostAsJsonAsync("v1/inmates:import", new
        {
            inmates = new[] { new { inmateNumber = family.InmateNumber, name = "钱有才", prisonArea = "3", managementLevel = "MANAGEMENT_LEVEL_NORMAL" } },
        }, TestContext.Current.CancellationToken);
        var id = await new ChainDriver(system).DriveToPrisonTaskAsync(family.Application("钱有才"));
        var task = (await PendingApprovalsAsync(prisonSystem)).Single(t => t.ApplicationId == id);
        using var approved = await prisonSystem.PostAsJsonAsync($"v1/approvals/{id}:approve", new { note = "监狱系统审批" }, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, HttpVersion.Version11), (imported.StatusCode, imported.Version));
        Assert.Equal(new ImportInmatesReply { Created = 1 }, Parser.Parse<ImportInmatesReply>(await imported.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(family.InmateNumber, task.MatchedInmateNumber);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.True(Parser.Parse<Decision>(await approved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Approved);
    }

    [Fact]
    public async Task ABadRequestOverRestIsHttp400WithEveryFieldViolationInChinese()
    {
        var family = new Family(system.Clock);
        using var prisonSystem = await door.MachineClientAsync(Roles.Officer, Orgs.Prison);

        using var refused = await prisonSystem.PostAsJsonAsync("v1/inmates:import", new
        {
            inmates = new[] { new { inmateNumber = family.InmateNumber, prisonArea = "no-such-area" } },
        }, TestContext.Current.CancellationToken);
        var status = Parser.Parse<Google.Rpc.Status>(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var violations = status.Details.Single().Unpack<BadRequest>().FieldViolations.ToDictionary(v => v.Field, v => v.Description);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.StartsWith("输入有误", status.Message, StringComparison.Ordinal);
        Assert.Equal("必填", violations["inmates[0].name"]);
        Assert.Equal("该监狱没有这个监区", violations["inmates[0].prison_area"]);
        Assert.Contains("inmates[0].management_level", violations.Keys);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"inmates\": 5}")]
    [InlineData("{\"inmates\": [{\"managementLevel\": \"NO_SUCH_LEVEL\"}]}")]
    [InlineData("{\"noSuchField\": 1}")]
    public async Task JsonTheRequestCannotHoldIsHttp400NeverAServerError(string body)
    {
        using var prisonSystem = await door.MachineClientAsync(Roles.Officer, Orgs.Prison);

        using var refused = await prisonSystem.PostAsync(new Uri("v1/inmates:import", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var status = Parser.Parse<Google.Rpc.Status>(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
    }

    [Fact]
    public async Task ARestCallWithoutATokenOrWithAnotherServicesTokenIsHttp401()
    {
        using var anonymous = door.Service.Client(token: null);
        using var withApplicationToken = await door.MachineClientAsync(Roles.Officer, Orgs.Prison, scope: "application");

        using var noToken = await anonymous.GetAsync(new Uri("v1/approvals/pending", UriKind.Relative), TestContext.Current.CancellationToken);
        using var wrongAudience = await withApplicationToken.GetAsync(new Uri("v1/approvals/pending", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
    }

    [Fact]
    public async Task AnotherOrganisationsTokenIsRefusedOverRestAsOverGrpc()
    {
        var family = new Family(system.Clock);
        using var prisonSystem = await door.MachineClientAsync(Roles.Officer, Orgs.Prison);
        using var otherPrison = await door.MachineClientAsync(Roles.Officer, Orgs.OtherPrison);
        using var office = await door.MachineClientAsync(Roles.Clerk, Orgs.Office);
        using var imported = await prisonSystem.PostAsJsonAsync("v1/inmates:import", new
        {
            inmates = new[] { new { inmateNumber = family.InmateNumber, name = "周有德", prisonArea = "3", managementLevel = "MANAGEMENT_LEVEL_NORMAL" } },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var inmate = new Uri($"v1/inmates/{family.InmateNumber}", UriKind.Relative);

        using var ownPrison = await prisonSystem.GetAsync(inmate, TestContext.Current.CancellationToken);
        using var notTheirs = await otherPrison.GetAsync(inmate, TestContext.Current.CancellationToken);
        using var notTheirRole = await office.GetAsync(inmate, TestContext.Current.CancellationToken);
        var overGrpc = await Assert.ThrowsAsync<RpcException>(async () =>
            await system.PrisonApproval(VisitationSystem.Token(Roles.Officer, Orgs.OtherPrison)).GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber }));
        var roleOverGrpc = await Assert.ThrowsAsync<RpcException>(async () =>
            await system.PrisonApproval(VisitationSystem.Token(Roles.Clerk, Orgs.Office)).GetInmateAsync(new GetInmateRequest { InmateNumber = family.InmateNumber }));

        Assert.Equal(HttpStatusCode.OK, ownPrison.StatusCode);
        Assert.Equal("周有德", Parser.Parse<InmateView>(await ownPrison.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Name);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirRole.StatusCode);
        Assert.Equal(AsStatus(overGrpc), Parser.Parse<Google.Rpc.Status>(await notTheirs.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(AsStatus(roleOverGrpc), Parser.Parse<Google.Rpc.Status>(await notTheirRole.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    /// <summary>The whole pending list, page by page, as a client of the REST door pages it.</summary>
    private static async Task<List<ApprovalTask>> PendingApprovalsAsync(HttpClient client)
    {
        var all = new List<ApprovalTask>();
        var pageToken = string.Empty;
        do
        {
            var page = new Uri($"v1/approvals/pending?page.pageSize=200&page.pageToken={Uri.EscapeDataString(pageToken)}", UriKind.Relative);
            var reply = Parser.Parse<ListPendingApprovalsReply>(await client.GetStringAsync(page, TestContext.Current.CancellationToken));
            all.AddRange(reply.Tasks);
            pageToken = reply.NextPageToken;
        }
        while (pageToken.Length > 0);

        return all;
    }

    /// <summary>A gRPC refusal as the google.rpc.Status it carries (its details included).</summary>
    private static Google.Rpc.Status AsStatus(RpcException refusal) =>
        refusal.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)refusal.StatusCode, Message = refusal.Status.Detail };
}
