namespace Visitation.Rules.Identity;

/// <summary>Mainland China mobile numbers: 11 digits, "1" then 3-9 (the segments carriers use).</summary>
public static class MobileNumber
{
    public const int Length = 11;

    /// <remarks>
    /// Surrounding whitespace is tolerated (pasted input); anything else, such as "+86" or
    /// separators, is the caller's to strip, so that SMS goes to exactly the number shown.
    /// </remarks>
    public static bool IsValid(string? value)
    {
        var number = value.AsSpan().Trim();
        if (number.Length != Length || number[0] != '1' || number[1] is < '3' or > '9')
            return false;
        foreach (var c in number)
        {
            // ASCII only: char.IsDigit would let full-width digits through to the SMS gateway.
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
