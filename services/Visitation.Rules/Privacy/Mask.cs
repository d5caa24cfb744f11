using System.Globalization;
using System.Text;

namespace Visitation.Rules.Privacy;

/// <summary>
/// Masks personal information for logs, lists and SMS (RULES.md §8). Every method accepts any
/// input without throwing: masking runs on log paths, where an exception would lose the log line.
/// Input too short to keep its visible ends is masked completely rather than shown whole.
/// </summary>
public static class Mask
{
    /// <summary>"142701199001011234" → "1427**********1234".</summary>
    public static string IdNumber(string? value) => KeepEnds(value, head: 4, tail: 4);

    /// <summary>"13800138000" → "138****8000".</summary>
    public static string Phone(string? value) => KeepEnds(value, head: 3, tail: 4);

    /// <summary>"张三丰" → "张**": the surname stays readable for the clerk at the counter.</summary>
    public static string Name(string? value)
    {
        var name = value?.Trim();
        if (string.IsNullOrEmpty(name))
            return string.Empty;

        // Text elements, not chars: rare name characters (CJK Extension B) are surrogate pairs
        // and must not be cut in half.
        var elements = new StringInfo(name);
        return elements.SubstringByTextElements(0, 1) + new string('*', elements.LengthInTextElements - 1);
    }

    private static string KeepEnds(string? value, int head, int tail)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return string.Empty;
        if (text.Length <= head + tail)
            return new string('*', text.Length);

        return new StringBuilder(text.Length)
            .Append(text, 0, head)
            .Append('*', text.Length - head - tail)
            .Append(text, text.Length - tail, tail)
            .ToString();
    }
}
