using System.Diagnostics;

namespace Visitation.IntegrationTests.Infrastructure.Telemetry;

/// <summary>A span as an exporter receives it, for tests that check where spans hang in a trace.</summary>
public sealed record CapturedSpan(
    ActivityTraceId TraceId,
    ActivitySpanId SpanId,
    ActivitySpanId ParentSpanId,
    string Source,
    string Name,
    ActivityKind Kind,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<ActivityTraceId> LinkedTraces)
{
    public string? Tag(string key) => Tags.GetValueOrDefault(key);
}
