using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Visitation.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// What every in-process service host writes to its logs, the spans it ends and the tags of the
/// measurements it records, as text, while a test holds a <see cref="Recording"/>. Outside a recording
/// nothing is kept (the capture's loggers say they are disabled), so the shared system of the whole
/// suite pays nothing for it. Each <see cref="ServiceHost{TEntryPoint}"/> feeds it (see
/// <see cref="CaptureLoggerProvider"/> and <see cref="CaptureSpanProcessor"/>).
/// </summary>
public static class TelemetryCapture
{
    private static volatile Recording? _current;

    public static bool IsRecording => _current is not null;

    /// <summary>Starts keeping everything written from now until the recording is disposed; one at a time.</summary>
    public static Recording Start()
    {
        var recording = new Recording();
        if (Interlocked.CompareExchange(ref _current, recording, null) is not null)
        {
            recording.Dispose();
            throw new InvalidOperationException("Another test is already recording the services' telemetry.");
        }

        return recording;
    }

    internal static void Add(string signal, string text) => _current?.Add(signal, text);

    internal static void AddSpan(CapturedSpan span) => _current?.AddSpan(span);

    /// <summary>One test's window of the services' telemetry.</summary>
    public sealed class Recording : IDisposable
    {
        private readonly ConcurrentQueue<(string Signal, string Text)> _items = new();
        private readonly ConcurrentDictionary<System.Diagnostics.ActivitySpanId, CapturedSpan> _spans = new();
        private readonly ConcurrentDictionary<string, Instrument> _instruments = new(StringComparer.Ordinal);
        private readonly MeterListener _meters = new();

        internal Recording()
        {
            // Every instrument of every meter in the process: the tags of what the hosts measure.
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                _instruments.TryAdd(instrument.Name, instrument);
                listener.EnableMeasurementEvents(instrument);
            };
            _meters.SetMeasurementEventCallback<long>((i, _, tags, _) => AddTags(i, tags));
            _meters.SetMeasurementEventCallback<int>((i, _, tags, _) => AddTags(i, tags));
            _meters.SetMeasurementEventCallback<double>((i, _, tags, _) => AddTags(i, tags));
            _meters.SetMeasurementEventCallback<float>((i, _, tags, _) => AddTags(i, tags));
            _meters.SetMeasurementEventCallback<decimal>((i, _, tags, _) => AddTags(i, tags));
            _meters.SetMeasurementEventCallback<short>((i, _, tags, _) => AddTags(i, tags));
            _meters.SetMeasurementEventCallback<byte>((i, _, tags, _) => AddTags(i, tags));
            _meters.Start();
        }

        /// <summary>Log records, spans and measurement tags written so far, each as "signal: text".</summary>
        public IReadOnlyList<string> Items
        {
            get
            {
                _meters.RecordObservableInstruments();
                return _items.Select(i => $"{i.Signal}: {i.Text}").ToList();
            }
        }

        /// <summary>How many of <see cref="Items"/> came from this signal ("log", "span", "metric").</summary>
        public int CountOf(string signal) => _items.Count(i => i.Signal == signal);

        internal void Add(string signal, string text) => _items.Enqueue((signal, text));

        /// <summary>
        /// The spans ended so far, each once: the in-process hosts' tracers all listen to the same
        /// sources, so one span reaches every host's processor.
        /// </summary>
        public IReadOnlyCollection<CapturedSpan> Spans => [.. _spans.Values];

        internal void AddSpan(CapturedSpan span) => _spans.TryAdd(span.SpanId, span);

        /// <summary>Every instrument of every meter in the process, by name.</summary>
        public IReadOnlyDictionary<string, Instrument> Instruments => _instruments;

        public void Dispose()
        {
            _meters.Dispose();
            Interlocked.CompareExchange(ref _current, null, this);
        }

        private void AddTags(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.IsEmpty)
            {
                return;
            }

            var text = new System.Text.StringBuilder(instrument.Meter.Name).Append('/').Append(instrument.Name);
            foreach (var (key, value) in tags)
            {
                text.Append(' ').Append(key).Append('=').Append(value);
            }

            Add("metric", text.ToString());
        }
    }
}
