using System.Collections.Concurrent;
using System.Text.Json;

namespace Visitation.Messaging;

internal static class MessageJson
{
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The stored name is the contract (MassTransit matches types by full name too). It is looked up
    /// among the loaded assemblies: a service's event contracts are loaded at start-up, when its
    /// consumers and gRPC services are registered, before the dispatcher reads a row.
    /// </summary>
    public static Type ResolveType(string name) =>
        Types.GetOrAdd(name, static fullName =>
            AppDomain.CurrentDomain.GetAssemblies()
                .Select(assembly => assembly.GetType(fullName, throwOnError: false))
                .FirstOrDefault(type => type is not null)
            ?? throw new InvalidOperationException($"No loaded assembly defines the message type '{fullName}'."));
}
