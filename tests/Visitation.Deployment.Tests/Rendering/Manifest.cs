using System.Text.Json.Nodes;

namespace Visitation.Deployment.Tests.Rendering;

/// <summary>Reading rendered objects: kind, name, pod templates, containers, environment.</summary>
internal static class Manifest
{
    public static string Kind(this JsonObject item) => item["kind"]?.GetValue<string>() ?? string.Empty;

    public static string ApiVersion(this JsonObject item) => item["apiVersion"]?.GetValue<string>() ?? string.Empty;

    public static string Name(this JsonObject item) => item["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;

    public static string Label(this JsonObject item, string key) => item["metadata"]?["labels"]?[key]?.GetValue<string>() ?? string.Empty;

    public static IEnumerable<JsonObject> OfKind(this IEnumerable<JsonObject> objects, string kind) => objects.Where(item => item.Kind() == kind);

    public static JsonObject Named(this IEnumerable<JsonObject> objects, string kind, string name) =>
        objects.SingleOrDefault(item => item.Kind() == kind && item.Name() == name)
        ?? throw new InvalidOperationException($"No {kind} {name} in the rendering.");

    /// <summary>The pod spec of a Deployment (or of any object with a pod template).</summary>
    public static JsonObject? PodSpec(this JsonObject item) => item["spec"]?["template"]?["spec"] as JsonObject;

    public static IEnumerable<JsonObject> Containers(JsonObject item) =>
        (item.PodSpec()?["containers"] as JsonArray ?? []).Cast<JsonObject>();

    public static JsonObject MainContainer(this JsonObject deployment) => Containers(deployment).First();

    public static IEnumerable<JsonObject> Env(this JsonObject container) => (container["env"] as JsonArray ?? []).Cast<JsonObject>();

    public static IEnumerable<JsonObject> EnvFrom(this JsonObject container) => (container["envFrom"] as JsonArray ?? []).Cast<JsonObject>();

    public static IEnumerable<JsonObject> Volumes(this JsonObject deployment) => (deployment.PodSpec()?["volumes"] as JsonArray ?? []).Cast<JsonObject>();

    public static string Text(this JsonNode? node, string path)
    {
        var current = node;
        foreach (var step in path.Split('.'))
        {
            current = current?[step];
        }

        return current?.ToString() ?? string.Empty;
    }
}
