using System.Diagnostics;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Chain;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Infrastructure.Telemetry;
using Visitation.Messaging.Tracing;

namespace Visitation.IntegrationTests.Observability;

/// <summary>
/// One trace per application (docs/tracing.md): the clerk's Submit, every service's consumers, the
/// reviewer's and the officer's decisions, the visit centre's confirmation, the outbox's publishes and
/// the SMS sends of one application all land in the trace whose id is the application's, as a tree —
/// each span under another of the trace or under the application's root — and the staff's requests
/// that caused the decisions are linked, not lost.
/// </summary>
public sealed class ApplicationTraceTests(VisitationSystem system)
{
    private readonly ChainDriver _chain = new(system);

    [Fact]
    public async Task AScheduledApplicationsSubmitConsumersDecisionsAndSmsSendsAreOneTraceUnderItsId()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        using var recording = TelemetryCapture.Start();
        var family = new Family(system.Clock);
        var (id, proposal) = await _chain.DriveToProposalAsync(family, "追踪" + family.Phone[^4..]);
        await _chain.VisitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });
        await _chain.WaitForOutcomeAsync(id, ApplicationStatus.Scheduled, smsCount: 2);
        var applicationId = Guid.Parse(id);
        var traceId = ApplicationTrace.TraceIdOf(applicationId);

        // Spans end after the work they wrap: wait until the tree is whole (every parent ended and seen).
        var trace = await Eventually.Until(() => Task.FromResult(recording.Spans.Where(s => s.TraceId == traceId).ToList()),
            spans => IsTree(spans, applicationId) && spans.Count(IsSmsSend) == 2,
            "the application's spans to form one tree with both SMS sends");

        string Names() => string.Join("\n", trace.Select(s => $"{s.Kind} {s.Source} {s.Name} {string.Join(' ', s.Tags.Select(t => t.Key + "=" + t.Value))}"));
        foreach (var step in new[] { "SubmitApplication", "ApproveApplication", "ConfirmVisit" })
        {
            Assert.True(trace.Any(s => s.Source == ApplicationTrace.SourceName && s.Name == step), $"no {step} span in the application's trace:\n{Names()}");
        }

        // The bureau's and the prison's ApproveApplication are both there, each linked to the staff request that made it.
        var decisions = trace.Where(s => s.Name is "ApproveApplication" or "ConfirmVisit").ToList();
        Assert.Equal(3, decisions.Count);
        Assert.All(decisions, d => Assert.Contains(d.LinkedTraces, linked => linked != traceId));
        foreach (var service in new[] { "BureauReview", "PrisonApproval", "Scheduling", "Notification", "Application" })
        {
            Assert.True(trace.Any(s => s.Kind == ActivityKind.Consumer && s.Tags.Values.Any(v => v.Contains($"Visitation.{service}.", StringComparison.Ordinal))),
                $"no consumer of the {service} service in the application's trace:\n{Names()}");
        }

        Assert.Contains(trace, s => s.Name == "outbox publish");
        // Nothing tagged with this application strayed into another trace.
        Assert.DoesNotContain(recording.Spans, s => s.Tag(ApplicationTrace.ApplicationIdTag) == id && s.TraceId != traceId);
    }

    private static bool IsSmsSend(CapturedSpan span) => span.Source == ApplicationTrace.SourceName && span.Name == "sms send";

    /// <summary>Every span hangs from another span of the trace or from the application's root.</summary>
    private static bool IsTree(List<CapturedSpan> spans, Guid applicationId)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var root = ApplicationTrace.RootSpanOf(applicationId);
        return spans.Count > 0 && spans.All(s => s.ParentSpanId == root || ids.Contains(s.ParentSpanId));
    }
}
