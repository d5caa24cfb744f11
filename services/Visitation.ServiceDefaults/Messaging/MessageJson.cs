using System.Text.Json;

namespace Visitation.ServiceDefaults.Messaging;

internal static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Event types live in the contracts assembly; the stored name is the contract.</summary>
    public static Type ResolveType(string name) =>
        typeof(Visitation.Contracts.Events.ApplicationSubmitted).Assembly.GetType(name, throwOnError: true)!;
}
