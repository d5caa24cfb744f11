using System.Text.Json.Nodes;
using Visitation.Deployment.Tests.Hosts;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests;

/// <summary>
/// Secrets are referred to, never committed: every secret a rendering names is listed, with its keys,
/// in secrets.example.yaml (placeholders only) or made by an operator; no Secret is rendered.
/// </summary>
public sealed class SecretsTests
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EverySecretAndKeyTheManifestsReferToIsListedInTheExampleOrMadeByAnOperator(string overlay)
    {
        var rendered = Overlays.Render(overlay);
        var secrets = ExampleSecrets.For(rendered);

        var missing = References(rendered).Where(reference => secrets.Secret(reference.Name) is not { } secret
            || (reference.Key is not null && !secret.ContainsKey(reference.Key))).ToList();

        Assert.NotEmpty(References(rendered));
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void NoOverlayRendersASecret(string overlay) =>
        Assert.DoesNotContain(Overlays.Render(overlay), item => item.Kind() == "Secret");

    [Fact]
    public void EveryValueOfTheExampleSecretsIsAPlaceholderOrAUserName()
    {
        var values = ExampleSecrets.Examples().SelectMany(secret => ((JsonObject)secret["stringData"]!)
            .Select(entry => (Secret: secret.Name(), entry.Key, Value: entry.Value!.GetValue<string>())));

        Assert.All(values, value => Assert.True(
            value.Value.StartsWith("REPLACE_", StringComparison.Ordinal) || value.Key == "username",
            $"{value.Secret}/{value.Key} is not a placeholder"));
    }

    /// <summary>Every (secret, key) a rendering names: variables, envFrom, volumes, the operators' resources.</summary>
    private static List<(string Name, string? Key)> References(IReadOnlyList<JsonObject> rendered)
    {
        var references = new List<(string Name, string? Key)>();
        foreach (var container in rendered.SelectMany(Manifest.Containers))
        {
            references.AddRange(container.Env().Where(variable => variable["valueFrom"]?["secretKeyRef"] is not null)
                .Select(variable => (variable.Text("valueFrom.secretKeyRef.name"), (string?)variable.Text("valueFrom.secretKeyRef.key"))));
            references.AddRange(container.EnvFrom().Where(source => source["secretRef"] is not null).Select(source => (source.Text("secretRef.name"), (string?)null)));
        }

        references.AddRange(rendered.SelectMany(item => item.Volumes()).Where(volume => volume["secret"] is not null)
            .Select(volume => (volume.Text("secret.secretName"), (string?)null)));
        // The certificates the ingress controller serves (kubernetes.io/tls secrets).
        references.AddRange(rendered.OfKind("Ingress").SelectMany(ingress => (ingress["spec"]?["tls"] as JsonArray ?? []).OfType<JsonObject>())
            .SelectMany(tls => new[] { (tls.Text("secretName"), (string?)"tls.crt"), (tls.Text("secretName"), (string?)"tls.key") }));
        references.AddRange(rendered.OfKind("User").Select(user => (user.Text("spec.importCredentialsSecret.name"), (string?)"password")));
        foreach (var credentials in rendered.OfKind("Cluster").Select(cluster => cluster["spec"]?["backup"]?["barmanObjectStore"]?["s3Credentials"] as JsonObject).OfType<JsonObject>())
        {
            references.AddRange(credentials.Select(entry => (entry.Value.Text("name"), (string?)entry.Value.Text("key"))));
        }

        return references;
    }
}
