using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Workflow.Grpc;

/// <summary>
/// A request's enum field turned into the stable code the rules and the databases use. Not given
/// (0) or a number the proto does not define is a field violation like any bad value
/// (docs/decisions/0006-typed-contracts.md), and gives null so the caller goes on collecting the
/// request's other violations.
/// </summary>
public static class RequiredEnums
{
    /// <summary>The code of a required value, or null after adding the violation.</summary>
    public static string? Code<TEnum>(this FieldViolations violations, string field, TEnum value) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (ProtoCodes.IsSpecified(value))
        {
            return ProtoCodes.ToCode(value);
        }

        var allowed = Enum.GetValues<TEnum>().Where(ProtoCodes.IsSpecified).Select(v => v.ToString());
        violations.Add(field, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0
            ? "必填"
            : $"应为 {string.Join("、", allowed)} 之一");
        return null;
    }

    /// <summary>The codes of a repeated field, each required to be a defined value (<c>field[i]</c> names a bad one).</summary>
    public static List<string> Codes<TEnum>(this FieldViolations violations, string field, IEnumerable<TEnum> values) where TEnum : struct, Enum =>
        [.. values.Select((value, i) => violations.Code($"{field}[{i}]", value)).OfType<string>()];
}
