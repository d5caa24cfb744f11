using System.Text.Json.Nodes;
using Visitation.Deployment.Tests.Rendering;
using Visitation.Notification.Features.ReceiveReceipts;

namespace Visitation.Deployment.Tests.Checks;

/// <summary>
/// Whether an SMS provider outside the cluster can post a delivery receipt to notification's callback
/// route (<see cref="ReceiptCallbackEndpoint.Route"/>, docs/sms-providers.md): an Ingress with TLS
/// routes the route's path to the notification Service; that Service port leads to a container port
/// on which the host listens over HTTP/1.1 (the providers do not speak HTTP/2); and the network
/// policies let the ingress controller reach the pod on that port. Each missing link is one problem.
/// </summary>
internal static class ReceiptCallbackRoute
{
    /// <summary>The namespace of the ingress controller, as the network policies name it (docs/kubernetes.md).</summary>
    public const string IngressControllerNamespace = "ingress-nginx";

    private const string Space = "visitation";

    /// <summary>A callback path as a provider posts it: the route with an account's name in it.</summary>
    public static string ExamplePath { get; } = ReceiptCallbackEndpoint.Route.Replace("{account}", "aliyun-shanxi", StringComparison.Ordinal);

    public static IReadOnlyList<string> Problems(IReadOnlyList<JsonObject> rendered)
    {
        var deployment = rendered.Named("Deployment", "notification");
        var service = rendered.Named("Service", "notification");
        var container = deployment.MainContainer();
        var routes = IngressRoutes(rendered).ToList();
        if (routes.Count == 0)
        {
            return [$"no Ingress routes {ExamplePath} to the notification Service: the providers' receipts cannot come in"];
        }

        var problems = new List<string>();
        var http1Ports = Http1Ports(container).ToHashSet();
        var controller = Pod.InNamespace(IngressControllerNamespace, ("app.kubernetes.io/name", "ingress-nginx"));
        var policies = new NetworkPolicies(rendered, Space);
        var pod = new Pod(Space, PodLabels(deployment), new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = Space });
        foreach (var (ingress, servicePort, tls) in routes)
        {
            if (!tls)
            {
                problems.Add($"Ingress {ingress} routes the callback without TLS: the callback token travels in the URL");
            }

            if (ContainerPort(service, container, servicePort) is not { } port)
            {
                problems.Add($"Ingress {ingress} names port {servicePort} of the notification Service, which leads to no container port of notification");
                continue;
            }

            if (!http1Ports.Contains(port))
            {
                problems.Add($"notification listens over HTTP/1.1 on no Kestrel endpoint of port {port} (Ingress {ingress}): declared HTTP/1.1 ports {string.Join(", ", http1Ports)}");
            }

            if (!policies.Allows(controller, pod, port))
            {
                problems.Add($"no network policy lets the ingress controller ({IngressControllerNamespace}) reach notification on port {port}");
            }
        }

        return problems;
    }

    /// <summary>Each Ingress path that takes <see cref="ExamplePath"/> to the notification Service: its name, the Service port it names, whether its host has TLS.</summary>
    private static IEnumerable<(string Ingress, string ServicePort, bool Tls)> IngressRoutes(IReadOnlyList<JsonObject> rendered)
    {
        foreach (var ingress in rendered.OfKind("Ingress"))
        {
            var tlsHosts = (ingress["spec"]?["tls"] as JsonArray ?? []).OfType<JsonObject>()
                .SelectMany(tls => (tls["hosts"] as JsonArray ?? []).Select(host => host!.GetValue<string>())).ToHashSet(StringComparer.Ordinal);
            foreach (var rule in (ingress["spec"]?["rules"] as JsonArray ?? []).OfType<JsonObject>())
            {
                foreach (var path in (rule["http"]?["paths"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    if (path.Text("backend.service.name") == "notification" && PathMatches(path.Text("path"), path.Text("pathType")))
                    {
                        var port = path.Text("backend.service.port.name") is { Length: > 0 } name ? name : path.Text("backend.service.port.number");
                        yield return (ingress.Name(), port, tlsHosts.Contains(rule.Text("host")));
                    }
                }
            }
        }
    }

    /// <summary>Kubernetes' Ingress path matching: Exact, or Prefix by whole path elements.</summary>
    private static bool PathMatches(string path, string pathType)
    {
        if (pathType == "Exact")
        {
            return path == ExamplePath;
        }

        var prefix = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var requested = ExamplePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return prefix.Length <= requested.Length && prefix.SequenceEqual(requested.Take(prefix.Length), StringComparer.Ordinal);
    }

    /// <summary>The container port a Service port (by name or number) targets, its target resolved by name or number.</summary>
    private static int? ContainerPort(JsonObject service, JsonObject container, string servicePort)
    {
        var port = (service["spec"]?["ports"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(p => p.Text("name") == servicePort || p.Text("port") == servicePort);
        if (port is null)
        {
            return null;
        }

        var target = port.Text("targetPort") is { Length: > 0 } t ? t : port.Text("port");
        var declared = (container["ports"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(p => p.Text("name") == target || p.Text("containerPort") == target);
        return declared is null ? null : int.Parse(declared.Text("containerPort"), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The ports of the host's Kestrel endpoints (<c>Kestrel__Endpoints__X__Url</c>) whose protocols include HTTP/1.1.</summary>
    private static IEnumerable<int> Http1Ports(JsonObject container)
    {
        var env = container.Env().ToDictionary(variable => variable.Text("name"), variable => variable.Text("value"), StringComparer.Ordinal);
        foreach (var (name, value) in env.Where(entry => entry.Key.StartsWith("Kestrel__Endpoints__", StringComparison.Ordinal) && entry.Key.EndsWith("__Url", StringComparison.Ordinal)))
        {
            var protocols = env.GetValueOrDefault(name[..^"__Url".Length] + "__Protocols", "Http1AndHttp2");
            if (protocols.Contains("Http1", StringComparison.Ordinal))
            {
                // http://0.0.0.0:8081, http://*:8081 or http://+:8081: the port is after the last colon.
                yield return int.Parse(value[(value.LastIndexOf(':') + 1)..].TrimEnd('/'), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static Dictionary<string, string> PodLabels(JsonObject deployment) =>
        ((JsonObject)deployment["spec"]!["template"]!["metadata"]!["labels"]!).ToDictionary(entry => entry.Key, entry => entry.Value!.GetValue<string>());
}
