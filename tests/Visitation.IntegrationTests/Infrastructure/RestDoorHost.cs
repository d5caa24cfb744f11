using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// A service's REST door as another system meets it: the service in-process on real Kestrel, trusting
/// the in-process identity service, with an HTTP/1.1-only endpoint as deploy/run.sh opens one
/// (<c>Kestrel:Endpoints:Rest</c>), reached over a real socket by a plain HTTP/1.1 JSON client.
/// </summary>
public sealed class RestDoorHost<TEntryPoint> : IAsyncDisposable where TEntryPoint : class
{
    private readonly ServiceTrustingIdentity<TEntryPoint> _service;

    /// <summary>Starts the service with the settings given (a running service's: its database and broker) and the REST endpoint on a free port.</summary>
    public RestDoorHost(IReadOnlyDictionary<string, string> settings, IdentityServiceHost identity, TimeProvider clock)
    {
        _service = new ServiceTrustingIdentity<TEntryPoint>("Testing", new Dictionary<string, string>(settings)
        {
            ["Kestrel:Endpoints:Rest:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Rest:Protocols"] = "Http1",
        }, identity, clock);
        _service.UseKestrel();
        _service.StartServer();
        Address = new Uri(_service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public Uri Address { get; }

    /// <summary>A client that speaks HTTP/1.1 and nothing else, carrying the bearer token when one is given.</summary>
    public HttpClient Client(string? token)
    {
        var client = new HttpClient
        {
            BaseAddress = Address,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}
