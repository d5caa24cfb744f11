using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Infrastructure.Telemetry;
using Visitation.ServiceDefaults.Telemetry;

namespace Visitation.IntegrationTests.Privacy;

/// <summary>
/// The identity service behind the same personal-data safety net as the five services
/// (docs/telemetry-privacy.md). It holds staff accounts, not citizens' data, but a user name is
/// typed by people and is often a mobile number, and a lookup's message can carry what was typed.
/// </summary>
public sealed class IdentityTelemetryPrivacyTests(IdentityServiceHost identity) : IClassFixture<IdentityServiceHost>
{
    private static readonly string IdNumber = Family.IdNumber(new DateOnly(1979, 6, 2), 57);
    private const string Phone = "13698765432";

    [Fact]
    public void EveryLogProviderOfTheIdentityServiceIsBehindTheNetAndItTraces()
    {
        var providers = identity.Services.GetServices<ILoggerProvider>().ToList();

        Assert.NotEmpty(providers);
        Assert.All(providers, p => Assert.Equal("RedactingLoggerProvider", p.GetType().Name));
        Assert.NotNull(identity.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void AUserNameShapedLikeAPhoneOrIdNumberLeavesTheIdentityServiceRedactedAndCounted()
    {
        using var recording = TelemetryCapture.Start();
        var logger = identity.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Visitation.Identity.SignIn");

        // As a library would write a failed sign-in of a user who typed a number as their name.
        logger.LogWarning(new InvalidOperationException($"No account named {IdNumber}"), "Sign-in of {UserName} refused", Phone);

        // The net's counter moved: the record went through it on its way to identity's providers
        // (what they then received is TelemetrySafetyNetTests' proof, for the same net).
        Assert.Contains(recording.Items, i => i.Contains($"{PersonalDataRedaction.CounterName} signal=log", StringComparison.Ordinal));
    }
}
