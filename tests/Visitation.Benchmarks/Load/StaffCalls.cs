using Grpc.Core;
using Grpc.Net.Client;
using Visitation.Benchmarks.Infrastructure;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Benchmarks.Load;

/// <summary>
/// gRPC clients on every instance of each service, as the clerk, reviewer or officer of an organisation.
/// Calls go to the instances in turn, as a load balancer in front of them would send them.
/// </summary>
public sealed class StaffCalls : IDisposable
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(30);
    private readonly TimeProvider _realClock;
    private readonly BenchTokens _tokens;
    private readonly Dictionary<string, GrpcChannel[]> _channels;
    private int _turn;

    /// <param name="realClock">The machine's clock: gRPC deadlines and token lifetimes are real time.</param>
    public StaffCalls(ServiceFleet fleet, TimeProvider realClock)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        _realClock = realClock;
        _tokens = new BenchTokens(realClock);
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        _channels = ServiceFleet.Services.ToDictionary(
            s => s.Name,
            s => fleet.InstancesOf(s.Name).Select(p => GrpcChannel.ForAddress(p.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false })).ToArray());
    }

    public ApplicationService.ApplicationServiceClient Clerk => new(Next("application"));

    public BureauReviewService.BureauReviewServiceClient Bureau => new(Next("bureau_review"));

    public PrisonApprovalService.PrisonApprovalServiceClient Prison => new(Next("prison_approval"));

    public SchedulingService.SchedulingServiceClient Scheduling => new(Next("scheduling"));

    public CallOptions AsClerk(string office, CancellationToken ct) => As(Roles.Clerk, office, ct);

    public CallOptions AsReviewer(string county, CancellationToken ct) => As(Roles.Reviewer, county, ct);

    public CallOptions AsOfficer(string prison, CancellationToken ct) => As(Roles.Officer, prison, ct);

    public void Dispose()
    {
        foreach (var channel in _channels.Values.SelectMany(c => c))
        {
            channel.Dispose();
        }
    }

    private CallOptions As(string role, string organisation, CancellationToken ct) =>
        new(new Metadata { { "Authorization", "Bearer " + _tokens.For(role, organisation) } }, deadline: _realClock.GetUtcNow().UtcDateTime + CallLimit, cancellationToken: ct);

    private GrpcChannel Next(string service)
    {
        var channels = _channels[service];
        return channels[(int)((uint)Interlocked.Increment(ref _turn) % channels.Length)];
    }
}
