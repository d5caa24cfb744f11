using System.Text;

namespace Visitation.Workflow.Grpc;

/// <summary>
/// Between a proto enum and the stable snake_case code the rules and the databases use
/// (<c>Relation.MaternalGrandfather</c> ⇄ <c>"maternal_grandfather"</c>): one convention, so no
/// service keeps a hand-written table per vocabulary. The generated C# names are the proto names
/// without their prefix, in PascalCase.
/// </summary>
public static class ProtoCodes
{
    /// <summary>The code of an enum value; the unspecified value (0) has none and gives the empty string.</summary>
    public static string ToCode<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return string.Empty;
        }

        var name = value.ToString();
        var code = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsAsciiLetterUpper(name[i]) && i > 0)
            {
                code.Append('_');
            }

            code.Append(char.ToLowerInvariant(name[i]));
        }

        return code.ToString();
    }

    /// <summary>The enum value of a stored code; an unknown or empty code gives the unspecified value (0).</summary>
    public static TEnum FromCode<TEnum>(string? code) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(code))
        {
            return default;
        }

        var pascal = string.Concat(code.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
        return Enum.TryParse<TEnum>(pascal, ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : default;
    }

    /// <summary>Whether a request gave a real value: neither unspecified nor a number the proto does not define.</summary>
    public static bool IsSpecified<TEnum>(TEnum value) where TEnum : struct, Enum =>
        Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0 && Enum.IsDefined(value);
}
