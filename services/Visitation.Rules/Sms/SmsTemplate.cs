using System.Globalization;
using System.Text;

namespace Visitation.Rules.Sms;

/// <summary>
/// A registered template split once into literal text and {placeholder} parts, so composing is a
/// single pass, a value that itself contains braces is never substituted again, and every value is
/// measured against its variable's limit exactly as it is sent.
/// </summary>
internal sealed class SmsTemplate
{
    private readonly (string Text, bool IsPlaceholder)[] _parts;
    private readonly Dictionary<string, SmsVariable> _variables;

    public SmsTemplate(SmsKind kind, string name, string text, IReadOnlyDictionary<string, SmsTemplateRegistry.VariableEntry> variables, IReadOnlyDictionary<string, string> codes)
    {
        Kind = kind;
        var parts = new List<(string, bool)>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add((text[position..], false));
                break;
            }
            var close = text.IndexOf('}', open + 1);
            if (close < 0)
                throw new ArgumentException($"Unclosed placeholder in the {kind} template.", nameof(text));
            if (open > position)
                parts.Add((text[position..open], false));
            parts.Add((text[(open + 1)..close], true));
            position = close + 1;
        }
        _parts = [.. parts];
        _variables = _parts.Where(p => p.IsPlaceholder).Select(p => p.Text).Distinct(StringComparer.Ordinal)
            .Select(placeholder => variables.TryGetValue(placeholder, out var v)
                ? new SmsVariable(placeholder, v.MaxLength, v.Example, v.Description)
                : throw new ArgumentException($"The {kind} template names '{placeholder}', which the registry does not define.", nameof(variables)))
            .ToDictionary(v => v.Name, StringComparer.Ordinal);
        Definition = new SmsTemplateDefinition(kind, name, text, [.. _variables.Values], codes);
    }

    public SmsKind Kind { get; }

    public SmsTemplateDefinition Definition { get; }

    /// <summary>
    /// The body (without the signature) and each variable's value as sent, in text order. A missing
    /// value or one over its variable's limit throws naming the variable.
    /// </summary>
    public (string Body, IReadOnlyList<KeyValuePair<string, string>> Parameters) Compose(IReadOnlyDictionary<string, string> values)
    {
        var body = new StringBuilder();
        var parameters = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < _parts.Length; i++)
        {
            var (part, isPlaceholder) = _parts[i];
            if (!isPlaceholder)
            {
                body.Append(part);
                continue;
            }

            if (!values.TryGetValue(part, out var given) || given is null)
                throw new ArgumentException($"No value for placeholder '{part}' of the {Kind} SMS template.", nameof(values));
            var value = EndsSentence(i) ? given.TrimEnd('。', '；', '.', ';', ' ') : given;
            var length = LengthOf(value);
            var variable = _variables[part];
            if (length > variable.MaxLength)
                throw new SmsCompositionException(Kind, part, length, variable.MaxLength);
            body.Append(value);
            if (!parameters.Exists(p => p.Key == part))
                parameters.Add(new(part, value));
        }
        return (body.ToString(), parameters);
    }

    /// <summary>Characters as the providers count them: one per character the family sees, whatever its UTF-16 length.</summary>
    public static int LengthOf(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// Whether the template closes the sentence right after part <paramref name="index"/>: a reason
    /// written as a whole sentence ("…，暂停会见。") then loses its own full stop, or the family
    /// would read "。。".
    /// </summary>
    private bool EndsSentence(int index) =>
        index + 1 < _parts.Length && !_parts[index + 1].IsPlaceholder && _parts[index + 1].Text.StartsWith('。');
}
