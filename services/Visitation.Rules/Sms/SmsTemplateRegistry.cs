using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Visitation.Rules.Sms;

/// <summary>One variable of a registered template: the longest value we ever send in it, and an example for the preview.</summary>
public sealed record SmsVariable(string Name, int MaxLength, string Example, string Description);

/// <summary>
/// One registered template: our name for it, its body as registered (without the 【signature】, which
/// the provider adds from the account's sign name), its variables in text order (Tencent's
/// <c>TemplateParamSet</c> is positional), and its code at each provider.
/// </summary>
public sealed record SmsTemplateDefinition(
    SmsKind Kind,
    string Name,
    string Text,
    IReadOnlyList<SmsVariable> Variables,
    IReadOnlyDictionary<string, string> ProviderCodes);

/// <summary>
/// The template registry, <c>sms-templates.json</c> compiled into this assembly: the texts are what
/// each provider approved, so they change with a code review and a new registration, never at run time.
/// </summary>
public static class SmsTemplateRegistry
{
    /// <summary>The provider keys of <see cref="SmsTemplateDefinition.ProviderCodes"/>.</summary>
    public const string Aliyun = "aliyun";

    public const string Tencent = "tencent";

    private const string ResourceName = "Visitation.Rules.Sms.sms-templates.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<Loaded> Data = new(Load);

    /// <summary>Every message starts with the service's signature so families recognise the sender.</summary>
    public static string Signature => Data.Value.Signature;

    /// <summary>Whether the provider codes in the file are examples still to be replaced by the registered ones.</summary>
    public static bool CodesAreExamples => Data.Value.Examples;

    /// <summary>Every template, in the order of <see cref="SmsKind"/>.</summary>
    public static IReadOnlyList<SmsTemplateDefinition> All => Data.Value.Definitions;

    /// <summary>The registered template of <paramref name="kind"/>.</summary>
    public static SmsTemplateDefinition For(SmsKind kind) => Template(kind).Definition;

    internal static SmsTemplate Template(SmsKind kind) =>
        Data.Value.Templates.TryGetValue(kind, out var template)
            ? template
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "No SMS template for this kind.");

    private static Loaded Load()
    {
        using var stream = typeof(SmsTemplateRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The SMS template registry {ResourceName} is not embedded.");
        var file = JsonSerializer.Deserialize<RegistryFile>(stream, Json) ?? throw new InvalidOperationException($"{ResourceName} is empty.");

        var templates = file.Templates.Select(t => new SmsTemplate(t.Kind, t.Name, t.Text, file.Variables, t.Codes)).ToList();
        var missing = Enum.GetValues<SmsKind>().Except(templates.Select(t => t.Kind)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{ResourceName} has no template for {string.Join(", ", missing)}.");
        }

        return new Loaded(
            file.Signature,
            file.Examples,
            templates.ToFrozenDictionary(t => t.Kind),
            [.. templates.OrderBy(t => t.Kind).Select(t => t.Definition)]);
    }

    private sealed record Loaded(string Signature, bool Examples, FrozenDictionary<SmsKind, SmsTemplate> Templates, IReadOnlyList<SmsTemplateDefinition> Definitions);

    private sealed record RegistryFile(string Signature, bool Examples, Dictionary<string, VariableEntry> Variables, List<TemplateEntry> Templates);

    internal sealed record VariableEntry(int MaxLength, string Example, string Description);

    private sealed record TemplateEntry(SmsKind Kind, string Name, string Text, Dictionary<string, string> Codes);
}
