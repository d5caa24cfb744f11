using System.Diagnostics;
using OpenTelemetry;

namespace Visitation.ServiceDefaults.Telemetry;

/// <summary>
/// Redacts ID and mobile numbers from a span's name, status description and string attributes before
/// any exporter sees it (it is the tracer's first processor). Span events cannot be rewritten in
/// process (Activity offers no way to): their sources are kept clean and the collector's own redaction
/// covers them (docs/telemetry-privacy.md).
/// </summary>
internal sealed class RedactingSpanProcessor : BaseProcessor<Activity>
{
    private const string Signal = "span";

    public override void OnEnd(Activity data)
    {
        data.DisplayName = PersonalDataRedaction.Redact(data.DisplayName, Signal);
        if (data.StatusDescription is { } description)
        {
            data.SetStatus(data.Status, PersonalDataRedaction.Redact(description, Signal));
        }

        List<KeyValuePair<string, string>>? changed = null;
        foreach (var (key, value) in data.EnumerateTagObjects())
        {
            if (value is not string text)
            {
                continue;
            }

            // Tags cannot change while they are enumerated: collect, then set.
            var redacted = PersonalDataRedaction.Redact(text, Signal);
            if (!ReferenceEquals(redacted, text))
            {
                (changed ??= []).Add(new(key, redacted));
            }
        }

        foreach (var (key, value) in changed ?? [])
        {
            data.SetTag(key, value);
        }
    }
}
