using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Visitation.Application;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.PrisonApproval;
using Visitation.ServiceDefaults;

namespace Visitation.IntegrationTests.Privacy;

/// <summary>
/// The two services that compute visitor keys refuse to start without the shared key: with their own
/// index key instead they would compute keys the other never matches (docs/data-minimisation.md).
/// </summary>
public sealed class VisitorKeyStartupTests
{
    [Fact]
    public async Task PrisonApprovalWithoutTheSharedVisitorKeyRefusesToStart()
    {
        var refused = await StartWithoutVisitorKeyAsync(PrisonApprovalModule.Name, b => b.AddPrisonApprovalService());

        Assert.Contains("SharedIndexes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationWithoutTheSharedVisitorKeyRefusesToStart()
    {
        var refused = await StartWithoutVisitorKeyAsync(ApplicationModule.Name, b => b.AddApplicationService());

        Assert.Contains("SharedIndexes", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<OptionsValidationException> StartWithoutVisitorKeyAsync(string service, Action<WebApplicationBuilder> addService)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = "Host=127.0.0.1;Port=1;Database=never_reached",
            ["ConnectionStrings:RabbitMq"] = BusStartup.UnreachableBroker,
            ["Auth:Audience"] = "visitation-" + service,
        });
        builder.Configuration.AddInMemoryCollection(TestProtectionKeys.Settings
            .Where(s => !s.Key.StartsWith("Protection:SharedIndexes", StringComparison.Ordinal))
            .Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddServiceDefaults(service);
        addService(builder);
        await using var app = builder.Build();
        return await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
    }
}
