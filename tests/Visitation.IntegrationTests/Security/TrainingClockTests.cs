using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Clock;

namespace Visitation.IntegrationTests.Security;

/// <summary>
/// The operators' training clock (TrainingClock:Now and TrainingClock:SetAt): a service built as its
/// Program builds it runs on the shifted clock, which moves and fires timers as the real one does;
/// the Production environment refuses it at start-up.
/// </summary>
public sealed class TrainingClockTests
{
    private static readonly DateTimeOffset RehearsedVisit = TestDates.At(2026, 3, 13, 9, 0);

    [Fact]
    public async Task AServiceGivenATrainingClockReadsTheRehearsedTimePlusWhatHasPassedSinceItWasSet()
    {
        var setAt = TimeProvider.System.GetUtcNow().AddHours(-1);
        await using var app = BuildNotification("Testing", new()
        {
            ["TrainingClock:Now"] = RehearsedVisit.ToString("O", CultureInfo.InvariantCulture),
            ["TrainingClock:SetAt"] = setAt.ToString("O", CultureInfo.InvariantCulture),
        });

        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        // An hour since it was set, give or take the moments this test itself takes.
        Assert.InRange(now - RehearsedVisit, TimeSpan.FromHours(1), TimeSpan.FromHours(1) + TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task WithoutATrainingClockAServiceRunsOnTheRealClock()
    {
        await using var app = BuildNotification("Production", new() { ["Auth:Authority"] = NotificationAsBuilt.Authority });

        Assert.Same(TimeProvider.System, app.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void ATrainingClockMovesAndFiresTimersAtTheRealClocksPace()
    {
        var real = new FakeTimeProvider(TestDates.At(2026, 11, 30, 10, 0));
        var clock = new TrainingClock(RehearsedVisit, real.GetUtcNow(), real);
        var fired = 0;
        using var timer = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);

        real.Advance(TimeSpan.FromMinutes(29));
        var before = (clock.GetUtcNow(), fired);
        real.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal((RehearsedVisit.AddMinutes(29), 0), before);
        Assert.Equal((RehearsedVisit.AddMinutes(30), 1), (clock.GetUtcNow(), fired));
    }

    [Fact]
    public async Task ATrainingClockIsRefusedInProduction()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Authority"] = NotificationAsBuilt.Authority,
            ["TrainingClock:Now"] = RehearsedVisit.ToString("O", CultureInfo.InvariantCulture),
        };

        // Refused as the host is built (the web server already asks for the clock) or at the latest as it starts.
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = BuildNotification("Production", settings);
            await app.StartAsync(TestContext.Current.CancellationToken);
        });

        Assert.Contains("TrainingClock:Now", refused.Message, StringComparison.Ordinal);
        Assert.Contains("refused in Production", refused.Message, StringComparison.Ordinal);
    }

    private static WebApplication BuildNotification(string environment, Dictionary<string, string?> settings) =>
        NotificationAsBuilt.Build(environment, settings);
}
