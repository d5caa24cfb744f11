using Grpc.Net.Client;
using Visitation.Testing.Processes;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>Calling a service that runs as its own process, as the holder of a token.</summary>
public static class ServiceProcessChannels
{
    public static GrpcChannel Channel(this ServiceProcess service, string token)
    {
        ArgumentNullException.ThrowIfNull(service);
        return GrpcChannel.ForAddress(service.Address, new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(token, new SocketsHttpHandler()) });
    }
}
