using System.Text.Json.Nodes;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests.Checks;

/// <summary>A pod as the policies see it: its labels and its namespace's labels.</summary>
internal sealed record Pod(string Namespace, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> NamespaceLabels)
{
    public static Pod InNamespace(string space, params (string Key, string Value)[] labels) =>
        new(space, labels.ToDictionary(label => label.Key, label => label.Value), new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = space });
}

/// <summary>
/// Kubernetes' NetworkPolicy semantics for TCP on one port, over the rendered policies of one namespace:
/// a connection is allowed when the source may send it (no policy of type Egress selects the source, or
/// one of them allows it) and the destination may receive it (likewise for Ingress). Selectors use
/// matchLabels and matchExpressions with In/NotIn/Exists/DoesNotExist; an ipBlock is taken to hold every
/// address outside the cluster, not a pod.
/// </summary>
internal sealed class NetworkPolicies(IReadOnlyList<JsonObject> rendered, string space)
{
    private readonly List<JsonObject> policies = rendered.OfKind("NetworkPolicy").ToList();

    public bool Allows(Pod source, Pod destination, int port) =>
        Permits(source, "Egress", "egress", "to", destination, port) && Permits(destination, "Ingress", "ingress", "from", source, port);

    private bool Permits(Pod subject, string type, string rulesField, string peersField, Pod other, int port)
    {
        var selecting = policies.Where(policy => subject.Namespace == space && Types(policy).Contains(type)
            && Matches(policy["spec"]!["podSelector"] as JsonObject, subject.Labels)).ToList();
        if (subject.Namespace != space || selecting.Count == 0)
        {
            return true;
        }

        return selecting.SelectMany(policy => (policy["spec"]![rulesField] as JsonArray ?? []).Cast<JsonObject>())
            .Any(rule => PortMatches(rule["ports"] as JsonArray, port) && PeerMatches(rule[peersField] as JsonArray, other));
    }

    private static IEnumerable<string> Types(JsonObject policy) =>
        (policy["spec"]!["policyTypes"] as JsonArray ?? [JsonValue.Create("Ingress")]).Select(item => item!.GetValue<string>());

    private bool PeerMatches(JsonArray? peers, Pod other) =>
        peers is null || peers.Cast<JsonObject>().Any(peer =>
        {
            if (peer["ipBlock"] is not null)
            {
                return false;
            }

            var namespaceMatches = peer["namespaceSelector"] is JsonObject namespaceSelector
                ? Matches(namespaceSelector, other.NamespaceLabels)
                : other.Namespace == space;
            return namespaceMatches && (peer["podSelector"] is not JsonObject podSelector || Matches(podSelector, other.Labels));
        });

    private static bool PortMatches(JsonArray? ports, int port) =>
        ports is null || ports.Cast<JsonObject>().Any(entry => entry["port"] is null || entry["port"]!.ToString() == port.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static bool Matches(JsonObject? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return true;
        }

        var byLabel = (selector["matchLabels"] as JsonObject ?? []).All(entry => labels.GetValueOrDefault(entry.Key) == entry.Value!.GetValue<string>());
        var byExpression = (selector["matchExpressions"] as JsonArray ?? []).Cast<JsonObject>().All(expression =>
        {
            var key = expression.Text("key");
            var values = (expression["values"] as JsonArray ?? []).Select(value => value!.GetValue<string>()).ToList();
            return expression.Text("operator") switch
            {
                "In" => labels.TryGetValue(key, out var value) && values.Contains(value),
                "NotIn" => !labels.TryGetValue(key, out var value) || !values.Contains(value),
                "Exists" => labels.ContainsKey(key),
                "DoesNotExist" => !labels.ContainsKey(key),
                var other => throw new NotSupportedException($"Selector operator {other}"),
            };
        });
        return byLabel && byExpression;
    }
}
