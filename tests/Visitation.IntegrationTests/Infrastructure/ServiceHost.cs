using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>One of the five services, hosted in-process against the real database and broker.</summary>
public sealed class ServiceHost<TEntryPoint>(IReadOnlyDictionary<string, string> settings, TimeProvider? clock = null) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    /// <summary>
    /// Waits until the instance answers <c>/health</c> healthy: its database reachable and its bus's
    /// receive endpoints up. An instance started only for its start-up work waits for this before it
    /// is stopped: one stopped while its bus was still connecting could leave a consumer behind.
    /// </summary>
    public Task WaitReadyAsync() =>
        Eventually.Until(async () =>
        {
            using var client = CreateClient();
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }, ready => ready, $"{typeof(TEntryPoint).Name} to be ready");

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
