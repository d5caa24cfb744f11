using System.Text.Json.Nodes;

namespace Visitation.Deployment.Tests.Rendering;

/// <summary>
/// Renders a kustomization the way <c>kubectl kustomize</c> would, for the subset deploy/k8s keeps to
/// (there is no kustomize binary on the build machines): <c>resources</c> (files, or folders holding a
/// kustomization), <c>patches</c> (a strategic-merge file, applied to the object it names or to every
/// object its <c>target</c> selects by kind, name and <c>key=value</c> label selector), <c>images</c>
/// (<c>newName</c>, <c>newTag</c>) and <c>namespace</c>. Any other field fails the rendering: an overlay
/// that starts using more of kustomize must extend this first.
/// </summary>
internal static class Kustomization
{
    private static readonly HashSet<string> Supported = ["apiVersion", "kind", "resources", "patches", "images", "namespace"];
    private static readonly HashSet<string> ClusterScoped = ["Namespace"];

    public static IReadOnlyList<JsonObject> Render(string folder)
    {
        var file = Path.Combine(folder, "kustomization.yaml");
        var kustomization = YamlDocuments.Read(file).Single();
        var unsupported = kustomization.Select(entry => entry.Key).Where(key => !Supported.Contains(key)).ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException($"{file}: {string.Join(", ", unsupported)} not supported by this renderer.");
        }

        var objects = new List<JsonObject>();
        foreach (var resource in Strings(kustomization["resources"]))
        {
            var path = Path.GetFullPath(Path.Combine(folder, resource));
            objects.AddRange(Directory.Exists(path) ? Render(path) : YamlDocuments.Read(path));
        }

        foreach (var patch in (kustomization["patches"] as JsonArray ?? []).Cast<JsonObject>())
        {
            ApplyPatch(folder, patch, objects);
        }

        foreach (var image in (kustomization["images"] as JsonArray ?? []).Cast<JsonObject>())
        {
            SetImage(objects, image);
        }

        if (kustomization["namespace"]?.GetValue<string>() is { } space)
        {
            foreach (var item in objects.Where(item => !ClusterScoped.Contains(item.Kind())))
            {
                ((JsonObject)item["metadata"]!)["namespace"] = space;
            }
        }

        return objects;
    }

    private static void ApplyPatch(string folder, JsonObject entry, List<JsonObject> objects)
    {
        var path = Path.Combine(folder, entry["path"]!.GetValue<string>());
        foreach (var patch in YamlDocuments.Read(path))
        {
            var targets = entry["target"] is JsonObject target
                ? objects.Where(item => Selects(target, item)).ToList()
                : objects.Where(item => item.Kind() == patch.Kind() && item.Name() == patch.Name()).ToList();
            if (targets.Count == 0)
            {
                throw new InvalidDataException($"{path}: the patch selects no object.");
            }

            var body = (JsonObject)patch.DeepClone();
            // The patch's own name only says which object it is for; with a target it names nothing.
            if (entry["target"] is not null)
            {
                ((JsonObject)body["metadata"]!).Remove("name");
            }

            foreach (var item in targets)
            {
                StrategicMerge.Apply(item, body);
            }
        }
    }

    private static bool Selects(JsonObject target, JsonObject item)
    {
        var unsupported = target.Select(entry => entry.Key).Where(key => key is not ("kind" or "name" or "labelSelector")).ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException($"Patch target fields {string.Join(", ", unsupported)} not supported by this renderer.");
        }

        if (target["kind"]?.GetValue<string>() is { } kind && item.Kind() != kind)
        {
            return false;
        }

        if (target["name"]?.GetValue<string>() is { } name && item.Name() != name)
        {
            return false;
        }

        var labels = item["metadata"]?["labels"] as JsonObject;
        return target["labelSelector"]?.GetValue<string>() is not { } selector
            || selector.Split(',').All(term =>
            {
                var parts = term.Split('=', 2);
                return parts.Length == 2 && labels?[parts[0].Trim()]?.GetValue<string>() == parts[1].Trim();
            });
    }

    private static void SetImage(List<JsonObject> objects, JsonObject image)
    {
        var name = image["name"]!.GetValue<string>();
        var replacement = (image["newName"]?.GetValue<string>() ?? name) + (image["newTag"] is { } tag ? ":" + tag.GetValue<string>() : string.Empty);
        foreach (var container in objects.SelectMany(Manifest.Containers))
        {
            var current = container["image"]!.GetValue<string>();
            if (current == name || current.StartsWith(name + ":", StringComparison.Ordinal))
            {
                container["image"] = replacement;
            }
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(item => item!.GetValue<string>());
}
