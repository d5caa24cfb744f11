using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Infrastructure.Telemetry;
using Visitation.ServiceDefaults;
using Visitation.ServiceDefaults.Telemetry;

namespace Visitation.IntegrationTests.Privacy;

/// <summary>
/// The safety net of every service's telemetry (docs/telemetry-privacy.md): a host built with the
/// service defaults writes a log record and a span that carry an ID number and a phone (as an exception
/// message or a library's attribute might), and its log providers and exporters receive neither.
/// </summary>
public sealed class TelemetrySafetyNetTests
{
    private const string SourceName = "Visitation.IntegrationTests.SafetyNet";
    private static readonly string IdNumber = Family.IdNumber(new DateOnly(1975, 3, 14), 21);
    private const string Phone = "13987654321";

    [Fact]
    public async Task ALogRecordLosesIdAndPhoneNumbersFromItsMessageValuesAndExceptionAndTheNetCountsThem()
    {
        await using var app = Host(out _);
        using var recording = TelemetryCapture.Start();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SafetyNet");

        logger.LogWarning(new InvalidOperationException($"Key (id_number)=({IdNumber}) already exists", new ArgumentException(Phone)),
            "Visitor {IdNumber} could not be told at {Phone}", IdNumber, Phone);

        var log = Assert.Single(recording.Items, IsOurLog);
        Assert.Empty(TelemetryScan.NumbersIn(log));
        Assert.Contains($"Visitor {PersonalDataRedaction.RedactedIdNumber} could not be told at {PersonalDataRedaction.RedactedPhone}", log, StringComparison.Ordinal);
        Assert.Contains($"Phone={PersonalDataRedaction.RedactedPhone}", log, StringComparison.Ordinal);
        Assert.Contains($"Key (id_number)=({PersonalDataRedaction.RedactedIdNumber}) already exists", log, StringComparison.Ordinal);
        Assert.Contains(recording.Items, i => i.Contains($"{PersonalDataRedaction.CounterName} signal=log", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACleanLogRecordReachesTheProvidersUnchanged()
    {
        await using var app = Host(out _);
        using var recording = TelemetryCapture.Start();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SafetyNet");
        var exception = new TimeoutException("No confirm within 00:00:05.");

        logger.LogWarning(exception, "Publishing {MessageType} {MessageId} failed", "ApplicationSubmitted", 1391234567890L);

        var log = Assert.Single(recording.Items, IsOurLog);
        Assert.Contains("Publishing ApplicationSubmitted 1391234567890 failed | MessageType=ApplicationSubmitted | MessageId=1391234567890", log, StringComparison.Ordinal);
        Assert.Contains($"exception: {exception}", log, StringComparison.Ordinal);
        Assert.DoesNotContain(recording.Items, i => i.Contains(PersonalDataRedaction.CounterName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASpanLosesIdAndPhoneNumbersFromItsNameStatusAndAttributesBeforeAnyExporter()
    {
        await using var app = Host(out var source);
        using var recording = TelemetryCapture.Start();

        using (var activity = source.StartActivity($"lookup {Phone}"))
        {
            Assert.NotNull(activity);
            activity.SetTag("db.query.text", $"SELECT * FROM relatives WHERE id_number = '{IdNumber}'");
            activity.SetTag("messaging.message.id", "0f8fad5b-d9cb-469f-a165-70867728950e");
            activity.SetStatus(ActivityStatusCode.Error, $"no mobile {Phone}");
        }

        var span = Assert.Single(recording.Items, i => i.StartsWith($"span: {SourceName}", StringComparison.Ordinal));
        Assert.Empty(TelemetryScan.NumbersIn(span));
        Assert.Contains($"lookup {PersonalDataRedaction.RedactedPhone}", span, StringComparison.Ordinal);
        Assert.Contains($"id_number = '{PersonalDataRedaction.RedactedIdNumber}'", span, StringComparison.Ordinal);
        Assert.Contains("messaging.message.id=0f8fad5b-d9cb-469f-a165-70867728950e", span, StringComparison.Ordinal);
        Assert.Contains(recording.Items, i => i.Contains($"{PersonalDataRedaction.CounterName} signal=span", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryLogProviderOfAServiceIsBehindTheNetTheOpenTelemetryExporterIncluded()
    {
        // An address on this machine that nothing needs to answer: the exporter is registered, not used.
        await using var app = Host(out _, otlpEndpoint: "http://127.0.0.1:4317");

        var providers = app.Services.GetServices<ILoggerProvider>().ToList();

        Assert.True(providers.Count >= 2, "the capture's and OpenTelemetry's providers, at least");
        Assert.All(providers, p => Assert.Equal("RedactingLoggerProvider", p.GetType().Name));
    }

    /// <summary>This test's record, not one the suite's running services wrote meanwhile.</summary>
    private static bool IsOurLog(string item) => item.StartsWith("log: Warning SafetyNet:", StringComparison.Ordinal);

    /// <summary>
    /// A host as a service builds it: the capture's logger provider registered before the service
    /// defaults (as the console's is), and its span processor after them (as an exporter is).
    /// </summary>
    private static WebApplication Host(out ActivitySource source, string? otlpEndpoint = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
        builder.Logging.ClearProviders().AddProvider(new CaptureLoggerProvider()).AddFilter<CaptureLoggerProvider>(null, LogLevel.Debug);
        builder.AddServiceDefaults("safety-net");
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(SourceName).AddProcessor(new CaptureSpanProcessor()));
        var app = builder.Build();
        _ = app.Services.GetRequiredService<TracerProvider>(); // built now, so it listens before the span starts
        source = new ActivitySource(SourceName);
        return app;
    }
}
