using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Visitation.Console.Calls;

/// <summary>One long-lived HTTP/2 channel per service, shared by every request (the token is per call).</summary>
public sealed class ServiceChannels(IOptions<ConsoleOptions> options) : IDisposable
{
    private readonly ServiceAddresses _addresses = options.Value.Services;
    private readonly Dictionary<string, GrpcChannel> _channels = [];
    private readonly Lock _gate = new();

    public GrpcChannel Application => Channel(_addresses.Application);

    public GrpcChannel BureauReview => Channel(_addresses.BureauReview);

    public GrpcChannel PrisonApproval => Channel(_addresses.PrisonApproval);

    public GrpcChannel Scheduling => Channel(_addresses.Scheduling);

    public GrpcChannel Notification => Channel(_addresses.Notification);

    public GrpcChannel AuditStore => Channel(_addresses.AuditStore);

    public GrpcChannel IdentityAdmin => Channel(_addresses.IdentityAdmin);

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var channel in _channels.Values)
            {
                channel.Dispose();
            }

            _channels.Clear();
        }
    }

    /// <summary>The channel to <paramref name="address"/>, made on first use (one per address, whatever calls it).</summary>
    private GrpcChannel Channel(string address)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(address, out var channel))
            {
                channel = GrpcChannel.ForAddress(address);
                _channels[address] = channel;
            }

            return channel;
        }
    }
}
