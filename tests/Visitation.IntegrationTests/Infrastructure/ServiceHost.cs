using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>A service hosted in-process, whatever its entry point: its services, for a test that runs one of its jobs.</summary>
public interface IServiceHost
{
    IServiceProvider Services { get; }
}

/// <summary>One of the five services, hosted in-process against the real database and broker.</summary>
public sealed class ServiceHost<TEntryPoint>(IReadOnlyDictionary<string, string> settings, TimeProvider? clock = null) : WebApplicationFactory<TEntryPoint>, IServiceHost
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.WaitForTheBusOnStart(settings);
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        });
    }
}
