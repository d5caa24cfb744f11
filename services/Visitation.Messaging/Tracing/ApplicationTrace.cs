using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;

namespace Visitation.Messaging.Tracing;

/// <summary>
/// One trace per application, across every service and every day of its life: the trace id is the
/// application's id (both are 16 bytes), so whatever touches an application — the clerk's Submit, a
/// reviewer's decision days later, a timer, an SMS send, a receipt — opens its span in that trace,
/// and an operator finds an application's whole path by its id. Work already inside the application's
/// trace (a consumer continuing its event's context) just goes on as a child; work that arrives from
/// elsewhere (a staff member's request, a provider's callback) becomes a child of the application's
/// root and keeps a link to where it came from. The root span itself is never recorded: it stands for
/// the application, whose spans hang from its id (<see cref="RootSpanOf"/>).
/// </summary>
public static class ApplicationTrace
{
    public const string SourceName = "Visitation.Applications";

    /// <summary>The tag every application span carries: the application's id.</summary>
    public const string ApplicationIdTag = "visitation.application_id";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> ApplicationIdProperties = new();

    public static ActivityTraceId TraceIdOf(Guid applicationId) =>
        ActivityTraceId.CreateFromBytes(applicationId.ToByteArray(bigEndian: true));

    /// <summary>The span id the application's spans hang from: derived from its id, so every service names the same one.</summary>
    public static ActivitySpanId RootSpanOf(Guid applicationId) =>
        ActivitySpanId.CreateFromBytes(SHA256.HashData(applicationId.ToByteArray(bigEndian: true)).AsSpan(0, 8));

    /// <summary>
    /// Starts <paramref name="name"/> in the application's trace: under <paramref name="parent"/> (a
    /// W3C traceparent, e.g. an outbox row's) or the current span when either is already in it,
    /// otherwise under the application's root with a link to whichever was given. Null when nothing listens.
    /// </summary>
    public static Activity? Start(string name, Guid applicationId, ActivityKind kind = ActivityKind.Internal, string? parent = null)
    {
        var traceId = TraceIdOf(applicationId);
        ActivityContext? from = parent is not null && ActivityContext.TryParse(parent, null, out var given) ? given : Activity.Current?.Context;
        var inTrace = from is { } context && context.TraceId == traceId;
        var parentContext = inTrace ? from!.Value : new ActivityContext(traceId, RootSpanOf(applicationId), ActivityTraceFlags.Recorded);
        IEnumerable<ActivityLink>? links = !inTrace && from is { } elsewhere && elsewhere != default ? [new ActivityLink(elsewhere)] : null;
        return Source.StartActivity(name, kind, parentContext, [new(ApplicationIdTag, applicationId.ToString())], links);
    }

    /// <summary>The <c>ApplicationId</c> an event or timer message carries, if it is about one application.</summary>
    public static Guid? ApplicationIdOf(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var property = ApplicationIdProperties.GetOrAdd(message.GetType(), type =>
            type.GetProperty("ApplicationId", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var t } p && t == typeof(Guid) ? p : null);
        return property?.GetValue(message) is Guid id && id != Guid.Empty ? id : null;
    }
}
