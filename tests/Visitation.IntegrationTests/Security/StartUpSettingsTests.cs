using Microsoft.Extensions.Options;

namespace Visitation.IntegrationTests.Security;

/// <summary>
/// Settings that cannot work stop a service as it starts, naming the setting: no identity service
/// (authority) outside Testing, a key too short for HS256, an SMS gateway never tried,
/// a fault test's crash point in production.
/// </summary>
public sealed class StartUpSettingsTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task AServiceWithoutAnAuthorityStopsOutsideTesting(string environment)
    {
        var refused = await StartNotificationAsync(environment, []);

        Assert.Contains("Auth:Authority (the identity service) must be configured; a symmetric Auth:SigningKey is accepted only in the Testing environment", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASigningKeyTooShortForHs256StopsTheService()
    {
        var refused = await StartNotificationAsync("Testing", new() { ["Auth:SigningKey"] = "too-short" });

        Assert.Contains(nameof(Visitation.ServiceDefaults.Auth.AuthOptions.SigningKey), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmsDeliveryWithNoAttemptsStopsNotification()
    {
        var refused = await StartNotificationAsync("Testing", new() { ["SmsDelivery:MaxAttempts"] = "0" });

        Assert.Contains("MaxAttempts", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APerNumberLimitOfNoneStopsNotification()
    {
        var refused = await StartNotificationAsync("Testing", new() { ["SmsDelivery:PerNumberPerMinute"] = "0" });

        Assert.Contains("PerNumberPerMinute", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACrashPointStopsAServiceInProduction()
    {
        var refused = await StartNotificationAsync("Production", new()
        {
            ["Auth:Authority"] = NotificationAsBuilt.Authority,
            ["FaultInjection:KillAfterPublishConfirms"] = "1",
        });

        Assert.Contains("FaultInjection:* makes the process kill itself on purpose; it is refused outside the Testing environment", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<OptionsValidationException> StartNotificationAsync(string environment, Dictionary<string, string?> settings)
    {
        await using var app = NotificationAsBuilt.Build(environment, settings);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));
    }
}
