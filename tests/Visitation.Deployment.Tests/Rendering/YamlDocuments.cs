using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Visitation.Deployment.Tests.Rendering;

/// <summary>
/// YAML documents as JSON trees, typed the way Kubernetes reads them (YAML 1.2 core schema): a plain
/// <c>2</c> is a number, a plain <c>true</c> a boolean, <c>null</c> or <c>~</c> null, and anything quoted
/// or otherwise a string. Anchors and tags are not used in deploy/k8s and are refused.
/// </summary>
internal static class YamlDocuments
{
    public static IReadOnlyList<JsonObject> Read(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return stream.Documents
            .Where(document => document.RootNode is not YamlScalarNode { Value: null or "" })
            .Select(document => ToJson(document.RootNode) as JsonObject
                ?? throw new InvalidDataException($"{path}: a document that is not a mapping"))
            .ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ToObject(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ToValue(scalar),
        _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}"),
    };

    private static JsonObject ToObject(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? throw new InvalidDataException($"Empty key at {key.Start}");
            if (result.ContainsKey(name))
            {
                throw new InvalidDataException($"Key '{name}' twice in one mapping at {key.Start}");
            }

            result[name] = ToJson(value);
        }

        return result;
    }

    private static JsonValue? ToValue(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "null" or "~" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(bool.Parse(text));
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !text.Contains(':', StringComparison.Ordinal))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }
}
