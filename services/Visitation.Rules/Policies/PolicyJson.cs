using System.Text.Json;
using System.Text.Json.Nodes;

namespace Visitation.Rules.Policies;

/// <summary>
/// Reads policy files. Parsing a string is pure; reading the file is the caller's job, so this
/// library stays free of I/O.
/// </summary>
/// <remarks>
/// File layout: <c>{ "policy": { ...VisitPolicy in camelCase... }, "prisonOverrides": { "prisonId": { ...some fields... } } }</c>.
/// </remarks>
public static class PolicyJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A missing or null field must fail loudly: a policy with a hole would decide visits wrongly.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses one policy file into a set holding its province and that province's prison overrides.</summary>
    /// <exception cref="JsonException">The text is not a complete policy.</exception>
    public static PolicySet Parse(string json)
    {
        var file = JsonSerializer.Deserialize<PolicyFile>(json, Options)
            ?? throw new JsonException("The policy file is empty.");
        var overrides = (file.PrisonOverrides ?? [])
            .Select(pair => new PrisonOverride(file.Policy.ProvinceId, pair.Key, pair.Value));
        return new PolicySet([file.Policy], overrides);
    }

    /// <summary>
    /// The policy with the override's fields laid over it. Objects merge key by key (a prison may
    /// change only its lenient-level quota); arrays and values replace (a relation list is a whole).
    /// </summary>
    public static VisitPolicy ApplyOverride(VisitPolicy policy, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var merged = JsonSerializer.SerializeToNode(policy, Options)!.AsObject();
        MergeInto(merged, fields);
        return merged.Deserialize<VisitPolicy>(Options)
            ?? throw new JsonException("The override produced an empty policy.");
    }

    private static void MergeInto(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is JsonObject child && target[key] is JsonObject existing)
                MergeInto(existing, child);
            else
                // Clone: the override belongs to the policy set and must survive being merged again.
                target[key] = value?.DeepClone();
        }
    }

    private sealed record PolicyFile(VisitPolicy Policy, Dictionary<string, JsonObject>? PrisonOverrides = null);
}
