using System.Text;
using Microsoft.Extensions.Logging;

namespace Visitation.IntegrationTests.Infrastructure.Telemetry;

/// <summary>
/// A logger provider that hands <see cref="TelemetryCapture"/> each record as a service writes it: the
/// formatted message, every structured value of its state, its scopes and its exception in full
/// (<see cref="Exception.ToString"/>: message, inner exceptions, data-bearing text). Enabled at every
/// level while a recording runs, and at none otherwise.
/// </summary>
public sealed class CaptureLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public ILogger CreateLogger(string categoryName) => new CaptureLogger(categoryName, this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CaptureLogger(string category, CaptureLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && TelemetryCapture.IsRecording;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var text = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            provider._scopes?.ForEachScope((scope, builder) => builder.Append(" | scope: ").Append(scope), text);
            if (exception is not null)
            {
                text.Append(" | exception: ").Append(exception);
            }

            TelemetryCapture.Add("log", text.ToString());
        }
    }
}
