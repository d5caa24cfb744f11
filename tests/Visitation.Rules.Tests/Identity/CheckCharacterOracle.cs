namespace Visitation.Rules.Tests.Identity;

/// <summary>
/// ISO 7064 MOD 11-2 computed from its definition rather than from the GB 11643 tables the library
/// uses: position i (counted from the right, check character at 1) weighs 2^(i-1) mod 11, and the
/// check value c makes the whole weighted sum ≡ 1 (mod 11); 10 is written X.
/// </summary>
internal static class CheckCharacterOracle
{
    public static char For(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var positionFromRight = 18 - i;
            var weight = (int)(Pow2(positionFromRight - 1) % 11);
            sum += (first17[i] - '0') * weight;
        }
        var check = (12 - (sum % 11)) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    private static long Pow2(int exponent) => 1L << exponent;
}
