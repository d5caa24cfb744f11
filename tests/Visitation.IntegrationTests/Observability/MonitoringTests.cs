using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Visitation.AuditStore.Features.Verify;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Infrastructure.Telemetry;
using Visitation.Workflow.Metrics;
using Visitation.Testing.Processes;

namespace Visitation.IntegrationTests.Observability;

/// <summary>
/// The dashboards and alert rules under deploy/monitoring (docs/monitoring.md) query what the services
/// emit: one application goes through the chain while every instrument of the in-process services is
/// seen, and every <c>visitation_…</c> series the dashboards and alerts name is one of those
/// instruments as Prometheus names it (the collector's naming: dots to underscores, the unit as a
/// suffix, <c>_total</c> on counters, <c>_bucket/_sum/_count</c> on histograms).
/// </summary>
public sealed partial class MonitoringTests(VisitationSystem system)
{
    /// <summary>Series from outside our code, named by their exporters' documentation (RabbitMQ's prometheus plugin).</summary>
    private static readonly HashSet<string> ExternalSeries = ["rabbitmq_detailed_queue_messages_ready"];

    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task EverySeriesTheDashboardsAndAlertsQueryIsEmittedAndTheChainMovesTheWorkflowMeters()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        using var recording = TelemetryCapture.Start();
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "监控" + family.Phone[^4..]);
        await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);

        var metrics = recording.Items.Where(i => i.StartsWith("metric: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(metrics, m => m.Contains($"{WorkflowMetrics.MeterName}/visitation.application.steps step=Scheduled", StringComparison.Ordinal));
        Assert.Contains(metrics, m => m.Contains($"{WorkflowMetrics.MeterName}/visitation.application.time_to_step step=BureauApproved", StringComparison.Ordinal));
        Assert.Contains(metrics, m => m.Contains($"{WorkflowMetrics.MeterName}/visitation.sms.outcomes kind=Scheduled outcome=delivered", StringComparison.Ordinal));

        var emitted = recording.Instruments.Values.SelectMany(PrometheusNames).ToHashSet(StringComparer.Ordinal);
        var queried = QueriedSeries();
        Assert.NotEmpty(queried);
        Assert.All(queried, series => Assert.True(emitted.Contains(series) || ExternalSeries.Contains(series),
            $"{series} is queried by deploy/monitoring but no service emits it (emitted: {string.Join(", ", emitted.Where(e => e.StartsWith("visitation_", StringComparison.Ordinal)).Order())})"));
        // And the other way: each of the chain's own instruments, and the audit store's verification's, is on a dashboard or in an alert.
        Assert.Contains(recording.Instruments.Values, i => i.Meter.Name == AuditChainMetrics.MeterName);
        foreach (var instrument in recording.Instruments.Values.Where(i => i.Meter.Name is WorkflowMetrics.MeterName or "Visitation.Outbox" or AuditChainMetrics.MeterName))
        {
            Assert.True(PrometheusNames(instrument).Any(queried.Contains), $"{instrument.Name} is on no dashboard and in no alert");
        }
    }

    /// <summary>The series an instrument becomes in Prometheus through the collector.</summary>
    private static IEnumerable<string> PrometheusNames(Instrument instrument)
    {
        var name = instrument.Name.Replace('.', '_') + instrument.Unit switch
        {
            "s" => "_seconds",
            "ms" => "_milliseconds",
            "By" => "_bytes",
            _ => string.Empty, // annotations such as {message} are dropped
        };
        var type = instrument.GetType().GetGenericTypeDefinition();
        if (type == typeof(Counter<>) || type == typeof(ObservableCounter<>))
        {
            return [name + "_total"];
        }

        return type == typeof(Histogram<>) ? [name + "_bucket", name + "_sum", name + "_count"] : [name];
    }

    private static HashSet<string> QueriedSeries()
    {
        var folder = Path.Combine(Checkout.Root, "deploy", "monitoring");
        var text = string.Concat(Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("prometheus.yml", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        return [.. SeriesName().Matches(text).Select(m => m.Value)];
    }

    [GeneratedRegex(@"\b(visitation|rabbitmq)_[a-z0-9_]+\b")]
    private static partial Regex SeriesName();
}
