using System.Collections.Concurrent;
using System.Text.Json;

namespace Visitation.Messaging;

internal static class MessageJson
{
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>What a sent row's body becomes when its message carries personal data (the column stays valid JSON).</summary>
    public const string ClearedBody = "{}";

    private static readonly ConcurrentDictionary<string, bool> Personal = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the contract is marked <c>[CarriesPersonalData]</c> (by the contracts project): its body
    /// is cleared once sent. By the attribute's name, since this library references no contract assembly.
    /// </summary>
    public static bool CarriesPersonalData(string typeName) =>
        Personal.GetOrAdd(typeName, static name =>
            ResolveType(name).GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == "CarriesPersonalDataAttribute"));

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
