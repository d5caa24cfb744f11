using Microsoft.AspNetCore.Hosting;
using Visitation.Deployment.Tests.Hosts;

[assembly: HostingStartup(typeof(ReadKeysStartup))]

namespace Visitation.Deployment.Tests.Hosts;

/// <summary>
/// Joins <see cref="ReadKeys.Current"/> to a host's configuration as the web host is set up, after the
/// settings' own sources: it is asked first for every key, so it notes the keys the start-up reads
/// before the host is built too (connection strings, the exporter's endpoint). Named to the host by
/// <c>--hostingStartupAssemblies</c> (<see cref="HostUnderManifest"/>); nothing joins when no test set it.
/// </summary>
internal sealed class ReadKeysStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration(configuration =>
        {
            if (ReadKeys.Current is { } read)
            {
                configuration.Add(read);
            }
        });
}
