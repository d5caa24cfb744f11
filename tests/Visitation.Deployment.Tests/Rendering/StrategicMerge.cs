using System.Text.Json.Nodes;

namespace Visitation.Deployment.Tests.Rendering;

/// <summary>
/// The part of kustomize's strategic merge patch that deploy/k8s uses: mappings merge key by key, a
/// null removes the key, and a list whose items are all mappings with a <c>name</c> merges item by item
/// on that name (as Kubernetes does for containers, env, volumes and volume mounts); any other list is
/// replaced whole (as for envFrom). Patch directives (<c>$patch</c>, <c>$setElementOrder</c>) are refused,
/// so a patch this renderer cannot apply fails instead of rendering something kustomize would not.
/// </summary>
internal static class StrategicMerge
{
    public static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$'))
            {
                throw new NotSupportedException($"Patch directive {key} is not supported by this renderer.");
            }

            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is JsonObject patchObject && target[key] is JsonObject targetObject)
            {
                Apply(targetObject, patchObject);
            }
            else if (value is JsonArray patchList && target[key] is JsonArray targetList && IsNamedList(patchList) && IsNamedList(targetList))
            {
                MergeByName(targetList, patchList);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }

    private static bool IsNamedList(JsonArray list) =>
        list.All(item => item is JsonObject entry && entry["name"] is JsonValue);

    private static void MergeByName(JsonArray target, JsonArray patch)
    {
        foreach (var item in patch.Cast<JsonObject>())
        {
            var name = item["name"]!.GetValue<string>();
            var existing = target.Cast<JsonObject>().FirstOrDefault(entry => entry["name"]!.GetValue<string>() == name);
            if (existing is null)
            {
                target.Add(item.DeepClone());
            }
            else
            {
                Apply(existing, item);
            }
        }
    }
}
