using System.Text.Json.Nodes;

namespace Visitation.Deployment.Tests.Rendering;

/// <summary>The overlays of deploy/k8s, each rendered once for all the tests that read it.</summary>
internal static class Overlays
{
    public const string Development = "development";
    public const string Production = "production";

    private static readonly Dictionary<string, Lazy<IReadOnlyList<JsonObject>>> Rendered = new()
    {
        [Development] = new(() => Kustomization.Render(Path.Combine(Repository.Kubernetes, "overlays", Development))),
        [Production] = new(() => Kustomization.Render(Path.Combine(Repository.Kubernetes, "overlays", Production))),
    };

    public static TheoryData<string> All => [Development, Production];

    /// <summary>A fresh copy: a test may not change what the next one reads.</summary>
    public static IReadOnlyList<JsonObject> Render(string overlay) =>
        Rendered[overlay].Value.Select(item => (JsonObject)item.DeepClone()).ToList();

    /// <summary>The Deployments of the .NET hosts (label visitation/host=dotnet, or the development SMS gateway).</summary>
    public static IEnumerable<JsonObject> Hosts(this IEnumerable<JsonObject> objects) =>
        objects.OfKind("Deployment").Where(item => item.Label("visitation/host") == "dotnet");
}
