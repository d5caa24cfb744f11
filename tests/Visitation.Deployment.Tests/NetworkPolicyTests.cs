using System.Text.Json.Nodes;
using Visitation.Deployment.Tests.Checks;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests;

/// <summary>
/// The network policies, evaluated over the pods of the rendering: only the console and declared
/// integrations reach the services; each service reaches its own database and no other; the hosts
/// reach the broker, and nothing from outside does.
/// </summary>
public sealed class NetworkPolicyTests
{
    private const string Space = "visitation";

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EachServiceReachesItsOwnDatabaseAndNoOther(string overlay)
    {
        var rendered = Overlays.Render(overlay);
        var policies = new NetworkPolicies(rendered, Space);
        var clusters = rendered.OfKind("Cluster").Select(cluster => cluster.Name()).ToList();

        Assert.NotEmpty(clusters);
        foreach (var host in rendered.Hosts())
        {
            foreach (var cluster in clusters)
            {
                var database = Pod.InNamespace(Space, ("cnpg.io/cluster", cluster), ("cnpg.io/instanceRole", "primary"));
                Assert.Equal(cluster == $"{host.Name()}-db", policies.Allows(PodOf(host), database, 5432));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void OnlyTheConsoleAndDeclaredIntegrationsReachTheServices(string overlay)
    {
        var rendered = Overlays.Render(overlay);
        var policies = new NetworkPolicies(rendered, Space);
        var console = PodOf(rendered.Named("Deployment", "console"));
        var integration = Pod.InNamespace("county-archive", ("app", "archive")) with
        {
            NamespaceLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "county-archive", ["visitation/integration"] = "true" },
        };
        var stranger = Pod.InNamespace("elsewhere", ("app", "curious"));
        var services = rendered.Hosts().Where(host => host.Label("app.kubernetes.io/component") == "service").ToList();
        var others = rendered.Hosts().Where(host => host.Name() != "console").Select(PodOf).ToList();

        Assert.NotEmpty(services);
        foreach (var service in services.Select(PodOf))
        {
            Assert.True(policies.Allows(console, service, 8080));
            Assert.True(policies.Allows(integration, service, 8081));
            Assert.False(policies.Allows(integration, service, 8080));
            Assert.False(policies.Allows(stranger, service, 8080));
            Assert.False(policies.Allows(stranger, service, 8081));
            Assert.All(others, other => Assert.False(policies.Allows(other, service, 8080)));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void TheHostsUsingTheBrokerReachItAndNothingOutsideDoes(string overlay)
    {
        var rendered = Overlays.Render(overlay);
        var policies = new NetworkPolicies(rendered, Space);
        var broker = Pod.InNamespace(Space, ("app.kubernetes.io/name", "visitation-rabbitmq"));
        var users = rendered.Hosts().Where(host => host.MainContainer().Env().Any(variable => variable.Text("name") == "ConnectionStrings__RabbitMq")).ToList();

        Assert.NotEmpty(users);
        Assert.All(users, host => Assert.True(policies.Allows(PodOf(host), broker, 5672)));
        Assert.False(policies.Allows(PodOf(rendered.Named("Deployment", "console")), broker, 5672));
        Assert.False(policies.Allows(Pod.InNamespace("elsewhere", ("app", "curious")), broker, 5672));
    }

    private static Pod PodOf(JsonObject deployment) => new(
        Space,
        ((JsonObject)deployment["spec"]!["template"]!["metadata"]!["labels"]!).ToDictionary(entry => entry.Key, entry => entry.Value!.GetValue<string>()),
        new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = Space });
}
