using System.Globalization;

namespace Visitation.Rules.Identity;

/// <summary>
/// The 18-character mainland resident identity number of GB 11643-1999:
/// 6-digit region, 8-digit birth date (yyyyMMdd), 3-digit sequence (odd = male), check character.
/// </summary>
public static class ResidentIdNumber
{
    public const int Length = 18;

    /// <summary>
    /// The library has no clock, so "born in the future" is the caller's check; this floor only
    /// catches typos such as 0990 or 1099 in the birth year.
    /// </summary>
    public const int EarliestBirthYear = 1900;

    // ISO 7064 MOD 11-2: the weight of position i is 2^(17-i) mod 11, tabulated as GB 11643 prints it.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Indexed by the weighted sum mod 11; 'X' stands for the value 10.
    private const string CheckCharacters = "10X98765432";

    public static ResidentIdCheck Check(string? value)
    {
        var id = value?.Trim();
        if (string.IsNullOrEmpty(id))
            return Invalid("required", "请填写身份证号码");
        if (id.Length != Length)
            return Invalid("length", "身份证号码应为18位");
        if (!IsAsciiDigits(id.AsSpan(0, Length - 1)) || !IsCheckCharacter(id[Length - 1]))
            return Invalid("format", "身份证号码格式不正确：前17位应为数字，最后一位应为数字或X");
        if (ParseBirthDate(id.AsSpan(6, 8)) is not { } birthDate)
            return Invalid("birth_date", "身份证号码中的出生日期无效");
        if (char.ToUpperInvariant(id[Length - 1]) != CheckCharacterFor(id.AsSpan(0, Length - 1)))
            return Invalid("check_digit", "身份证号码校验位不正确");

        // The 17th character ends the sequence code: odd for men, even for women.
        var isMale = (id[16] - '0') % 2 == 1;
        return new ResidentIdCheck(true, null, null, birthDate, isMale);
    }

    /// <summary>
    /// The canonical stored form (trimmed, upper-case X) of a valid number, or null.
    /// Storing one form keeps "...x" and "...X" from becoming two different people.
    /// </summary>
    public static string? Normalize(string? value) =>
        Check(value).IsValid ? value!.Trim().ToUpperInvariant() : null;

    /// <summary>Appends the check character to 17 digits (demo data and tests).</summary>
    public static string WithCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1 || !IsAsciiDigits(first17))
            throw new ArgumentException("Expected exactly 17 ASCII digits.", nameof(first17));
        return first17 + CheckCharacterFor(first17);
    }

    /// <summary>Age in full years on <paramref name="onDate"/>.</summary>
    /// <remarks>
    /// The age goes up on the birthday itself. Someone born on 29 February has their birthday on
    /// 28 February in common years: Civil Code art. 202 ends a period with no matching day on the
    /// last day of that month, and <see cref="DateOnly.AddYears"/> clamps the same way.
    /// </remarks>
    public static int AgeOn(DateOnly birthDate, DateOnly onDate)
    {
        if (onDate < birthDate)
            throw new ArgumentOutOfRangeException(nameof(onDate), onDate, "The date is before the birth date.");
        var age = onDate.Year - birthDate.Year;
        return birthDate.AddYears(age) > onDate ? age - 1 : age;
    }

    private static char CheckCharacterFor(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    private static DateOnly? ParseBirthDate(ReadOnlySpan<char> yyyyMMdd) =>
        DateOnly.TryParseExact(yyyyMMdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year >= EarliestBirthYear
            ? date
            : null;

    // char.IsDigit would accept full-width and other Unicode digits, which the standard does not.
    private static bool IsAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }

    private static bool IsCheckCharacter(char c) => char.IsAsciiDigit(c) || c is 'X' or 'x';

    private static ResidentIdCheck Invalid(string code, string message) => new(false, code, message, null, null);
}
