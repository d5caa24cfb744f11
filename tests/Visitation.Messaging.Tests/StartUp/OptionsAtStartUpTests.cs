using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Visitation.Messaging.Database;
using Visitation.Messaging.Tests.Infrastructure;

namespace Visitation.Messaging.Tests.StartUp;

/// <summary>A setting that cannot work stops the service as it starts, naming the setting, before any loop runs on it.</summary>
public sealed class OptionsAtStartUpTests
{
    [Theory]
    [InlineData("Outbox:BatchSize", "0")]
    [InlineData("Outbox:PollInterval", "00:00:00")]
    [InlineData("Messaging:RedeliveryInterval", "-00:00:01")]
    [InlineData("Messaging:ConcurrentMessageLimit", "0")]
    [InlineData("PeriodicWork:IdleWork:Interval", "00:00:00")]
    public async Task AnUnusableSettingStopsTheServiceAtStartUp(string key, string value)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseExtensions.ConnectionName}"] = "Host=127.0.0.1;Port=1;Database=never_reached",
            [$"ConnectionStrings:{MessagingExtensions.ConnectionName}"] = "amqp://guest:guest@127.0.0.1:1/",
            [key] = value,
        });
        builder.Services.AddSingleton(TimeProvider.System); // as the service defaults register it
        builder.AddServiceDatabase<TestDbContext>();
        builder.AddServiceMessaging("options-test", _ => { });
        builder.AddPeriodicWork<IdleWork>();
        await using var app = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key.Split(':')[^1], refused.Message, StringComparison.Ordinal);
    }

    private sealed class IdleWork : IPeriodicWork
    {
        public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
