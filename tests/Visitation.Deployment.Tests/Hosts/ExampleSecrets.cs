using System.Text.Json.Nodes;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests.Hosts;

/// <summary>
/// The secrets a rendering may refer to: those of deploy/k8s/secrets.example.yaml (placeholders), and
/// those an operator makes: CloudNativePG's <c>&lt;cluster&gt;-app</c> (the owner role of the cluster's
/// database) and the RabbitMQ Cluster Operator's <c>&lt;cluster&gt;-default-user</c>.
/// </summary>
internal sealed class ExampleSecrets
{
    public const string File = "deploy/k8s/secrets.example.yaml";

    private readonly Dictionary<string, Dictionary<string, string>> secrets;

    private ExampleSecrets(Dictionary<string, Dictionary<string, string>> secrets) => this.secrets = secrets;

    public static IReadOnlyList<JsonObject> Examples() => YamlDocuments.Read(Repository.PathOf(File));

    public static ExampleSecrets For(IEnumerable<JsonObject> rendered)
    {
        var secrets = Examples().ToDictionary(
            secret => secret.Name(),
            secret => ((JsonObject)secret["stringData"]!).ToDictionary(entry => entry.Key, entry => entry.Value!.GetValue<string>()));
        foreach (var cluster in rendered.OfKind("Cluster"))
        {
            secrets[$"{cluster.Name()}-app"] = new() { ["username"] = "operator-made-owner", ["password"] = "operator-made-password" };
        }

        foreach (var broker in rendered.OfKind("RabbitmqCluster"))
        {
            secrets[$"{broker.Name()}-default-user"] = new() { ["username"] = "operator-made-user", ["password"] = "operator-made-password" };
        }

        return new ExampleSecrets(secrets);
    }

    public IReadOnlyDictionary<string, string>? Secret(string name) => secrets.GetValueOrDefault(name);
}
