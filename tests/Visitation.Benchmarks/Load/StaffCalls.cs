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
    private static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);
    private readonly TimeProvider _realClock;
    private readonly BenchTokens _tokens;
    private readonly Dictionary<string, GrpcChannel[]> _channels;
    private readonly TimeSpan _deadline;
    private int _turn;

    /// <param name="realClock">The machine's clock: gRPC deadlines and token lifetimes are real time.</param>
    /// <param name="deadline">How long a call may take before it is given up (30 s unless said).</param>
    public StaffCalls(ServiceFleet fleet, TimeProvider realClock, TimeSpan? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        _realClock = realClock;
        _tokens = new BenchTokens(realClock);
        _deadline = deadline ?? TimeSpan.FromSeconds(30);
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

    /// <summary>
    /// Makes a call as a member of staff would: one that answers UNAVAILABLE (a server of the service is
    /// away, nothing was done or it can be asked again) is made again, unchanged, after a short pause,
    /// for up to a minute. Every call the load makes may be repeated: a filing carries its request id, a
    /// decision already on record is answered with it. Other answers are the caller's.
    /// </summary>
    public static async Task<T> UntilAnsweredAsync<T>(ApplicationRun run, Func<Task<T>> call, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(call);
        var since = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && since.Elapsed < RetryWindow)
            {
                run.Retried();
                await Task.Delay(RetryPause, ct);
            }
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values.SelectMany(c => c))
        {
            channel.Dispose();
        }
    }

    private CallOptions As(string role, string organisation, CancellationToken ct) =>
        new(new Metadata { { "Authorization", "Bearer " + _tokens.For(role, organisation) } }, deadline: _realClock.GetUtcNow().UtcDateTime + _deadline, cancellationToken: ct);

    private GrpcChannel Next(string service)
    {
        var channels = _channels[service];
        return channels[(int)((uint)Interlocked.Increment(ref _turn) % channels.Length)];
    }
}
