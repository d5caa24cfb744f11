using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using k8s;
using k8s.Models;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests.Checks;

/// <summary>
/// Checks one rendered object: a Kubernetes kind is read strictly into KubernetesClient's model (an
/// unknown or misspelled field, or a value of the wrong type, fails); an operator's kind is evaluated
/// against the schema written from its CRD (Schemas/), its fields of Kubernetes core types read
/// strictly too; any other kind is a problem.
/// </summary>
internal static class ObjectSchemas
{
    private static readonly Dictionary<string, Type> KubernetesKinds = typeof(V1Pod).Assembly.GetTypes()
        .Select(type => (Type: type, Entity: type.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(entry => entry.Entity is not null && !entry.Type.Name.EndsWith("List", StringComparison.Ordinal))
        .GroupBy(entry => Key(entry.Entity!.Group, entry.Entity.ApiVersion, entry.Entity.Kind))
        .ToDictionary(group => group.Key, group => group.First().Type);

    private static readonly Dictionary<string, JsonSchema> OperatorKinds = new()
    {
        ["rabbitmq.com/v1beta1/RabbitmqCluster"] = Schema("rabbitmqcluster"),
        ["rabbitmq.com/v1beta1/User"] = Schema("rabbitmq-user"),
        ["rabbitmq.com/v1beta1/Permission"] = Schema("rabbitmq-permission"),
        ["postgresql.cnpg.io/v1/Cluster"] = Schema("cnpg-cluster"),
        ["postgresql.cnpg.io/v1/ScheduledBackup"] = Schema("cnpg-scheduledbackup"),
    };

    /// <summary>The operators' fields whose type is a Kubernetes core type: read strictly like a core object.</summary>
    private static readonly (string Kind, string Path, Type Type)[] CoreTypedFields =
    [
        ("RabbitmqCluster", "spec.resources", typeof(V1ResourceRequirements)),
        ("RabbitmqCluster", "spec.affinity", typeof(V1Affinity)),
        ("Cluster", "spec.resources", typeof(V1ResourceRequirements)),
    ];

    public static IEnumerable<string> Problems(JsonObject item)
    {
        var key = $"{item.ApiVersion()}/{item.Kind()}";
        var where = $"{item.Kind()} {item.Name()}";
        if (KubernetesKinds.TryGetValue(key, out var type))
        {
            return ReadStrictly(item, type, where);
        }

        if (OperatorKinds.TryGetValue(key, out var schema))
        {
            return Evaluate(schema, item, where).Concat(CoreTypedFields
                .Where(field => field.Kind == item.Kind())
                .SelectMany(field => At(item, field.Path) is JsonObject value ? ReadStrictly(value, field.Type, $"{where} {field.Path}") : []));
        }

        return [$"{where}: {key} is neither a Kubernetes kind nor one of the operators' kinds these tests know"];
    }

    private static IEnumerable<string> ReadStrictly(JsonNode item, Type type, string where)
    {
        try
        {
            // JSON is YAML: the model's strict YAML reader refuses any field its type does not have.
            typeof(KubernetesYaml).GetMethod(nameof(KubernetesYaml.Deserialize), [typeof(string), typeof(bool)])!
                .MakeGenericMethod(type).Invoke(null, [item.ToJsonString(), true]);
            return [];
        }
        catch (TargetInvocationException ex)
        {
            return [$"{where}: {ex.InnerException?.Message}"];
        }
    }

    private static IEnumerable<string> Evaluate(JsonSchema schema, JsonObject item, string where)
    {
        using var document = JsonDocument.Parse(item.ToJsonString());
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{where} at {detail.InstanceLocation}: {error.Value}"))
                .DefaultIfEmpty($"{where}: does not match its schema");
    }

    private static JsonNode? At(JsonObject item, string path) =>
        path.Split('.').Aggregate<string, JsonNode?>(item, (node, step) => node?[step]);

    private static JsonSchema Schema(string name)
    {
        using var stream = typeof(ObjectSchemas).Assembly.GetManifestResourceStream($"Visitation.Deployment.Tests.Schemas.{name}.schema.json")
            ?? throw new InvalidOperationException($"Schema {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    }

    private static string Key(string group, string version, string kind) =>
        $"{(string.IsNullOrEmpty(group) ? string.Empty : group + "/")}{version}/{kind}";
}
