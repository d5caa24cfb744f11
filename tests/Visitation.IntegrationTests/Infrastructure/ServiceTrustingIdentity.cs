using Grpc.Net.Client;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// A service in-process that trusts the in-process identity service as its authority (Auth:Authority),
/// in the environment given: its discovery document and keys are fetched through the identity
/// service's test server, as a real service fetches them over the network.
/// </summary>
public sealed class ServiceTrustingIdentity<TEntryPoint>(
    string environment, IReadOnlyDictionary<string, string> settings, IdentityServiceHost identity, TimeProvider? clock = null)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    /// <summary>A gRPC channel to this service carrying the token.</summary>
    public GrpcChannel Channel(string token) =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(token, Server.CreateHandler()) });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // The run's field-protection keys first: a test's own settings may replace them.
        foreach (var (key, value) in TestProtectionKeys.Settings.Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Auth:Authority", IdentityServiceHost.Issuer);
        builder.ConfigureTestServices(services =>
        {
            // Configure, not PostConfigure: JwtBearer's own post-configuration builds the metadata client from this handler.
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt => jwt.BackchannelHttpHandler = identity.Server.CreateHandler());
            services.WaitForTheBusOnStart(settings);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }
}
