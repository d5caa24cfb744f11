using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Visitation.IntegrationTests.Infrastructure.Telemetry;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>A service hosted in-process, whatever its entry point: its services, for a test that runs one of its jobs.</summary>
public interface IServiceHost : IAsyncDisposable
{
    IServiceProvider Services { get; }

    /// <summary>A plain HTTP client on the host (its REST door and OpenAPI document).</summary>
    HttpClient CreateClient();

    /// <summary>A gRPC channel on the host whose calls carry <paramref name="token"/> (none when null).</summary>
    GrpcChannel Channel(string? token);
}

/// <summary>One of the five services, hosted in-process against the real database and broker.</summary>
public sealed class ServiceHost<TEntryPoint>(IReadOnlyDictionary<string, string> settings, TimeProvider? clock = null) : WebApplicationFactory<TEntryPoint>, IServiceHost
    where TEntryPoint : class
{
    public GrpcChannel Channel(string? token) =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = new BearerTokenHandler(token, Server.CreateHandler()) });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Every record at every level and every span reaches the capture, which keeps them only while a
        // test records (Privacy/TelemetryPrivacyTests); the host's own logging is left as configured.
        builder.ConfigureLogging(logging => logging
            .AddProvider(new CaptureLoggerProvider())
            .AddFilter<CaptureLoggerProvider>(null, LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new CaptureSpanProcessor()));
            services.WaitForTheBusOnStart(settings);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }
}
