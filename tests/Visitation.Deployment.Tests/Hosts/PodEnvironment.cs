using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests.Hosts;

/// <summary>
/// What a Deployment's container would see, worked out from the rendering as the kubelet would: its
/// environment (values, ConfigMap and Secret keys, envFrom, <c>$(NAME)</c> references to earlier
/// variables) and its mounted volumes, written under a folder of the test's (ConfigMaps with their
/// items, secrets with placeholders or stand-ins, empty dirs). A value naming a mounted path is moved
/// to the same path under that folder. What cannot be resolved is a problem, not a guess.
/// </summary>
internal sealed partial class PodEnvironment
{
    private PodEnvironment(Dictionary<string, string> variables, HashSet<string> referenced, List<string> problems)
    {
        Variables = variables;
        Referenced = referenced;
        Problems = problems;
    }

    /// <summary>The container's variables, in order, with mounted paths moved under the test's folder.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Variables only other variables use, through <c>$(NAME)</c> (a password for a connection string).</summary>
    public IReadOnlySet<string> Referenced { get; }

    public IReadOnlyList<string> Problems { get; }

    public static PodEnvironment Of(IReadOnlyList<JsonObject> rendered, JsonObject deployment, string root)
    {
        var secrets = ExampleSecrets.For(rendered);
        var container = deployment.MainContainer();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var source in container.EnvFrom())
        {
            var (kind, name) = source["configMapRef"] is { } map ? ("ConfigMap", map.Text("name")) : ("Secret", source.Text("secretRef.name"));
            var data = kind == "ConfigMap" ? ConfigMapData(rendered, name) : secrets.Secret(name);
            if (data is null)
            {
                problems.Add($"envFrom {kind} {name} does not exist");
                continue;
            }

            foreach (var (key, value) in data)
            {
                variables[key] = value;
            }
        }

        foreach (var variable in container.Env())
        {
            var name = variable.Text("name");
            var value = variable["value"] is { } literal
                ? Expand(literal.GetValue<string>(), variables, referenced)
                : Reference(rendered, secrets, variable["valueFrom"] as JsonObject, problems, name);
            if (value is not null)
            {
                variables[name] = value;
            }
        }

        var mounts = Mount(rendered, secrets, deployment, container, root, variables, problems);
        foreach (var name in variables.Keys.ToList())
        {
            // The deepest mount holding the path, once (a mount at /tmp must not move the test's own folder again).
            var value = variables[name];
            var mount = mounts.Where(mount => value == mount.Key || value.StartsWith(mount.Key + "/", StringComparison.Ordinal))
                .OrderByDescending(mount => mount.Key.Length).FirstOrDefault();
            if (mount.Key is not null)
            {
                variables[name] = mount.Value + value[mount.Key.Length..];
            }
        }

        return new PodEnvironment(variables, referenced, problems);
    }

    private static string? Reference(IReadOnlyList<JsonObject> rendered, ExampleSecrets secrets, JsonObject? from, List<string> problems, string variable)
    {
        if (from?["configMapKeyRef"] is { } map)
        {
            var value = ConfigMapData(rendered, map.Text("name"))?.GetValueOrDefault(map.Text("key"));
            if (value is null)
            {
                problems.Add($"{variable}: ConfigMap {map.Text("name")} has no key {map.Text("key")}");
            }

            return value;
        }

        if (from?["secretKeyRef"] is { } secret)
        {
            var value = secrets.Secret(secret.Text("name"))?.GetValueOrDefault(secret.Text("key"));
            if (value is null)
            {
                problems.Add($"{variable}: secret {secret.Text("name")} with key {secret.Text("key")} is neither in {ExampleSecrets.File} nor made by an operator");
            }

            return value;
        }

        problems.Add($"{variable}: neither a value nor a ConfigMap or Secret key");
        return null;
    }

    private static Dictionary<string, string> Mount(
        IReadOnlyList<JsonObject> rendered, ExampleSecrets secrets, JsonObject deployment, JsonObject container, string root,
        IReadOnlyDictionary<string, string> variables, List<string> problems)
    {
        var mounts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mount in (container["volumeMounts"] as JsonArray ?? []).Cast<JsonObject>())
        {
            var volume = deployment.Volumes().FirstOrDefault(item => item.Text("name") == mount.Text("name"));
            if (volume is null)
            {
                problems.Add($"volume mount {mount.Text("name")} names no volume");
                continue;
            }

            var folder = Path.Combine(root, mount.Text("mountPath").TrimStart('/'));
            Directory.CreateDirectory(folder);
            mounts[mount.Text("mountPath")] = folder;
            if (volume["configMap"] is JsonObject map)
            {
                WriteItems(ConfigMapData(rendered, map.Text("name")), map, folder, problems, $"ConfigMap {map.Text("name")}");
            }
            else if (volume["secret"] is JsonObject secret && !SecretStandIns.TryWrite(secret.Text("secretName"), folder, variables))
            {
                WriteItems(secrets.Secret(secret.Text("secretName")), secret, folder, problems, $"secret {secret.Text("secretName")}");
            }
        }

        return mounts;
    }

    private static void WriteItems(IReadOnlyDictionary<string, string>? data, JsonObject source, string folder, List<string> problems, string what)
    {
        if (data is null)
        {
            problems.Add($"{what} does not exist");
            return;
        }

        var items = (source["items"] as JsonArray)?.Cast<JsonObject>().Select(item => (Key: item.Text("key"), Path: item.Text("path")))
            ?? data.Keys.Select(key => (Key: key, Path: key));
        foreach (var (key, path) in items)
        {
            if (!data.TryGetValue(key, out var content))
            {
                problems.Add($"{what} has no key {key}");
                continue;
            }

            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, content);
        }
    }

    public static IReadOnlyDictionary<string, string>? ConfigMapData(IReadOnlyList<JsonObject> rendered, string name) =>
        rendered.OfKind("ConfigMap").FirstOrDefault(map => map.Name() == name)?["data"] is JsonObject data
            ? data.ToDictionary(entry => entry.Key, entry => entry.Value!.GetValue<string>())
            : null;

    /// <summary>Kubernetes' dependent variables: <c>$(NAME)</c> of a variable defined before this one.</summary>
    private static string Expand(string value, Dictionary<string, string> variables, HashSet<string> referenced) =>
        VariableReference().Replace(value, match =>
        {
            var name = match.Groups[1].Value;
            if (!variables.TryGetValue(name, out var resolved))
            {
                return match.Value;
            }

            referenced.Add(name);
            return resolved;
        });

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex VariableReference();
}
