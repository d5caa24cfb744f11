using System.Text;

namespace Visitation.Rules.Sms;

/// <summary>
/// A template split once into literal text and {placeholder} parts, so rendering is a single pass
/// and a value that itself contains braces is never substituted again.
/// </summary>
internal sealed class SmsTemplate
{
    private readonly (string Text, bool IsPlaceholder)[] _parts;

    public SmsTemplate(SmsKind kind, string text)
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
        Placeholders = [.. _parts.Where(p => p.IsPlaceholder).Select(p => p.Text).Distinct()];
    }

    public SmsKind Kind { get; }

    /// <summary>Placeholder names in order of first appearance.</summary>
    public IReadOnlyList<string> Placeholders { get; }

    public string Render(IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder();
        for (var i = 0; i < _parts.Length; i++)
        {
            var (part, isPlaceholder) = _parts[i];
            if (!isPlaceholder)
                text.Append(part);
            else if (values.TryGetValue(part, out var value) && value is not null)
                text.Append(EndsSentence(i) ? value.TrimEnd('。', '；', '.', ';', ' ') : value);
            else
                throw new ArgumentException($"No value for placeholder '{part}' of the {Kind} SMS template.", nameof(values));
        }
        return text.ToString();
    }

    /// <summary>
    /// Whether the template closes the sentence right after part <paramref name="index"/>: a reason
    /// written as a whole sentence ("…，暂停会见。") then loses its own full stop, or the family
    /// would read "。。".
    /// </summary>
    private bool EndsSentence(int index) =>
        index + 1 < _parts.Length && !_parts[index + 1].IsPlaceholder && _parts[index + 1].Text.StartsWith('。');
}
