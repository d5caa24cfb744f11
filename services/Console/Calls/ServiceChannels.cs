using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Visitation.Console.Calls;

/// <summary>One long-lived HTTP/2 channel per service, shared by every request (the token is per call).</summary>
public sealed class ServiceChannels(IOptions<ConsoleOptions> options) : IDisposable
{
    private readonly GrpcChannel _application = GrpcChannel.ForAddress(options.Value.Services.Application);
    private readonly GrpcChannel _bureauReview = GrpcChannel.ForAddress(options.Value.Services.BureauReview);
    private readonly GrpcChannel _prisonApproval = GrpcChannel.ForAddress(options.Value.Services.PrisonApproval);

    public GrpcChannel Application => _application;

    public GrpcChannel BureauReview => _bureauReview;

    public GrpcChannel PrisonApproval => _prisonApproval;

    public void Dispose()
    {
        _application.Dispose();
        _bureauReview.Dispose();
        _prisonApproval.Dispose();
    }
}
