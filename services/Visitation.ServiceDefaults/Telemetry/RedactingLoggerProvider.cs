using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Visitation.ServiceDefaults.Telemetry;

/// <summary>
/// Wraps a logger provider (console, OpenTelemetry…) so that every record it writes has ID and mobile
/// numbers redacted from its message, its structured values and its exception text. Classification-based
/// redaction (Microsoft.Extensions.Compliance.Redaction) only redacts values a developer has marked, and
/// the services never log such values; what slips through is unmarked text — an exception message, a
/// library's own message — so the net looks at the text itself (docs/telemetry-privacy.md).
/// </summary>
internal sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    private const string Signal = "log";

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    public void Dispose() => inner.Dispose();

    /// <summary>Replaces every logger provider registered so far with its redacting wrapper.</summary>
    public static void WrapAll(IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(ILoggerProvider) && !d.IsKeyedService).ToList())
        {
            services.Remove(descriptor);
            services.Add(new ServiceDescriptor(typeof(ILoggerProvider), sp => new RedactingLoggerProvider(Create(sp, descriptor)), descriptor.Lifetime));
        }
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            var redacted = PersonalDataRedaction.Redact(message, Signal);
            var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
            var redactedValues = values is null ? null : RedactValues(values);
            var redactedException = exception is null ? null : RedactedException.Of(exception);
            if (ReferenceEquals(redacted, message) && ReferenceEquals(redactedValues, values) && ReferenceEquals(redactedException, exception))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            inner.Log(logLevel, eventId, new RedactedState(redacted, redactedValues ?? []), redactedException, static (s, _) => s.Message);
        }

        /// <summary>The values with text redacted; the same list when nothing needed it.</summary>
        private static IReadOnlyList<KeyValuePair<string, object?>> RedactValues(IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            List<KeyValuePair<string, object?>>? changed = null;
            for (var i = 0; i < values.Count; i++)
            {
                var (key, value) = values[i];
                var text = Convert.ToString(value, CultureInfo.InvariantCulture);
                var redacted = text is null ? null : PersonalDataRedaction.Redact(text, Signal);
                if (!ReferenceEquals(redacted, text) && changed is null)
                {
                    changed = values.Take(i).ToList();
                }

                changed?.Add(ReferenceEquals(redacted, text) ? values[i] : new(key, redacted));
            }

            return changed ?? values;
        }
    }

    /// <summary>The structured values a formatter or exporter reads, with the redacted message.</summary>
    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message => message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }
}
