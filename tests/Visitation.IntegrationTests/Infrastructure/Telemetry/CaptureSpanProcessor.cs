using System.Diagnostics;
using System.Text;
using OpenTelemetry;

namespace Visitation.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// Hands <see cref="TelemetryCapture"/> every span a host ends, as its exporter would receive it: added
/// last to the host's tracer, it sees each span after the host's own processors. Name, status, every
/// attribute, every event with its attributes, and the baggage in flight.
/// </summary>
public sealed class CaptureSpanProcessor : BaseProcessor<Activity>
{
    private static Dictionary<string, string> TagsOf(Activity span)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in span.EnumerateTagObjects())
        {
            tags.TryAdd(key, value?.ToString() ?? string.Empty);
        }

        return tags;
    }

    public override void OnEnd(Activity data)
    {
        if (!TelemetryCapture.IsRecording)
        {
            return;
        }

        var text = new StringBuilder(data.Source.Name).Append(' ').Append(data.DisplayName)
            .Append(" status=").Append(data.Status).Append(' ').Append(data.StatusDescription);
        foreach (var (key, value) in data.EnumerateTagObjects())
        {
            text.Append(" | ").Append(key).Append('=').Append(value);
        }

        foreach (var e in data.Events)
        {
            text.Append(" | event ").Append(e.Name);
            foreach (var (key, value) in e.Tags)
            {
                text.Append(' ').Append(key).Append('=').Append(value);
            }
        }

        foreach (var (key, value) in data.Baggage)
        {
            text.Append(" | baggage ").Append(key).Append('=').Append(value);
        }

        TelemetryCapture.Add("span", text.ToString());
        TelemetryCapture.AddSpan(new CapturedSpan(
            data.TraceId, data.SpanId, data.ParentSpanId, data.Source.Name, data.DisplayName, data.Kind,
            TagsOf(data),
            [.. data.Links.Select(l => l.Context.TraceId)]));
    }
}
