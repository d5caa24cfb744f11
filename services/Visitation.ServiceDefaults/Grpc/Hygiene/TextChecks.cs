using System.Globalization;
using System.Text;

namespace Visitation.ServiceDefaults.Grpc.Hygiene;

/// <summary>
/// The character rules of every text field: no C0/C1 control characters (NUL, ESC, CR/LF, tab …)
/// or line/paragraph separators, no bidi embeddings, overrides, isolates or marks, not only invisible
/// characters; at most the rule's length in characters after NFC normalisation; the rule's form.
/// </summary>
public static class TextChecks
{
    /// <summary>
    /// How much longer than its limit a text may be before it is refused unread: NFC composes at most a
    /// few code units into one (a Hangul syllable from three jamo), so a longer one cannot fit.
    /// </summary>
    private const int MostCompositionShrink = 4;

    /// <summary>Checks <paramref name="value"/>; null when it is acceptable, with its NFC form in <paramref name="normalised"/>.</summary>
    public static Refusal? Check(string value, TextRule rule, DateOnly today, out string normalised)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(rule);
        normalised = value;
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > rule.MaxLength * MostCompositionShrink)
        {
            return Refusal.TooLong(rule.MaxLength);
        }

        if (UnsafeCharacters(value) is { } refused)
        {
            return refused;
        }

        normalised = value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        if (CountRunes(normalised) > rule.MaxLength)
        {
            return Refusal.TooLong(rule.MaxLength);
        }

        return FormRefusal(normalised, rule.Form, today);
    }

    /// <summary>Whether <paramref name="c"/> changes the direction text is shown in (Trojan Source, spoofed names).</summary>
    public static bool IsBidiControl(int c) =>
        c is >= 0x202A and <= 0x202E // embeddings and overrides
            or >= 0x2066 and <= 0x2069 // isolates
            or 0x200E or 0x200F or 0x061C; // marks

    /// <summary>
    /// Why <paramref name="value"/>'s characters are unsafe to store or show (a control, a bidi control,
    /// a lone surrogate, only invisible characters); null when they are safe. The SMS templates are held to it too.
    /// </summary>
    public static Refusal? UnsafeCharacters(string value)
    {
        var visible = false;
        var invisible = false;
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            if (Rune.IsControl(rune) || c is 0x2028 or 0x2029)
            {
                return Refusal.ControlCharacter;
            }

            if (IsBidiControl(c))
            {
                return Refusal.BidiControl;
            }

            if (IsInvisible(rune))
            {
                invisible = true;
            }
            else if (!Rune.IsWhiteSpace(rune))
            {
                visible = true;
            }
        }

        if (!IsWellFormed(value))
        {
            return Refusal.InvalidText;
        }

        // Only whitespace is left to the handlers (empty for an optional field, 必填 for a required one);
        // zero-width or filler characters with nothing visible are a name that shows as nothing.
        return invisible && !visible ? Refusal.InvisibleOnly : null;
    }

    /// <summary>Format characters (zero-width space, joiners, BOM …) and the blank "letters" used to fake an empty name.</summary>
    public static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format
            || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x180E;

    /// <summary>No lone surrogate (which <see cref="string.EnumerateRunes"/> reads as U+FFFD).</summary>
    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int CountRunes(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static Refusal? FormRefusal(string value, TextForm form, DateOnly today) => form switch
    {
        TextForm.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? InRange(date, today) ? null : Refusal.OutOfRange
            : Refusal.BadDate,
        TextForm.Month => DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && value.Length == 7
            ? InRange(first, today) ? null : Refusal.OutOfRange
            : Refusal.BadMonth,
        TextForm.TimeOfDay => TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : Refusal.BadTime,
        _ => null,
    };

    /// <summary>From the first day of <see cref="InputRules.EarliestYear"/> to <see cref="InputRules.YearsAhead"/> years after today.</summary>
    public static bool InRange(DateOnly date, DateOnly today) =>
        date.Year >= InputRules.EarliestYear && date <= today.AddYears(InputRules.YearsAhead);
}
