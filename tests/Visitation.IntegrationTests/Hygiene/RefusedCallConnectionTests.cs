using Visitation.Testing.Processes;
using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.IntegrationTests.Hygiene;

/// <summary>
/// A refusal travels in HTTP/2 trailers; one too large for the client's header limit used to fail
/// the call and leave every later call on the same connection hanging. Proved over real Kestrel and
/// a real socket (a service process), not the in-memory test server, which has no such limit.
/// </summary>
public sealed class RefusedCallConnectionTests(VisitationSystem system)
{
    /// <summary>A bound on a call that must not hang, not a speed expectation: a stalled connection never answers.</summary>
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AClientCallsNormallyOnTheSameChannelRightAfterARefusalOfTwoThousandVisitors()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        await using var service = await ServiceProcess.StartHealthyAsync("Application", system.SettingsOf("application"));
        using var channel = service.Channel(VisitationSystem.Token(Roles.Clerk, Orgs.Office));
        var clerk = new ApplicationService.ApplicationServiceClient(channel);
        var family = new Family(system.Clock);
        var crowded = family.Application("人多" + family.Phone[^4..]);
        crowded.Visitors.AddRange(Enumerable.Range(0, 2_000).Select(i => family.Adult("亲属" + i, Contracts.Grpc.Relation.Brother)));
        crowded.PreferredDates.AddRange(Enumerable.Range(0, 1_000).Select(i => $"2026-12-{i % 28 + 1:D2}"));

        using var noHang = new CancellationTokenSource(NoHang);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await clerk.SubmitApplicationAsync(crowded, cancellationToken: noHang.Token));
        var list = await clerk.ListApplicationsAsync(new ListApplicationsRequest(), cancellationToken: noHang.Token);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.NotNull(list);
    }

    [Fact]
    public async Task AHundredKilobyteInmateNumberIsRefusedWithoutBeingRepeated()
    {
        var officer = system.PrisonApproval(VisitationSystem.Token(Roles.Officer, Orgs.Prison));
        var number = new string('9', 100_000);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await officer.GetInmateAsync(new GetInmateRequest { InmateNumber = number }));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.DoesNotContain(new string('9', 64), refused.Status.Detail + refused.GetRpcStatus(), StringComparison.Ordinal);
    }
}
