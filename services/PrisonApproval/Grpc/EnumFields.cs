using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.PrisonApproval.Grpc;

/// <summary>A request's enum field turned into the stored code the rules and the register use.</summary>
public static class EnumFields
{
    /// <summary>
    /// The code of a required value; unspecified, or a number the proto does not define, is a field
    /// violation (and gives null, so the caller goes on collecting the request's other violations).
    /// </summary>
    public static string? Code<TEnum>(this FieldViolations violations, string field, TEnum value) where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (ProtoCodes.IsSpecified(value))
        {
            return ProtoCodes.ToCode(value);
        }

        violations.Add(field, "必填，且须为接口定义的取值之一");
        return null;
    }

    /// <summary>The codes of a repeated field, each required to be a defined value (field[i] names a bad one).</summary>
    public static List<string> Codes<TEnum>(this FieldViolations violations, string field, IEnumerable<TEnum> values) where TEnum : struct, Enum =>
        [.. values.Select((value, i) => violations.Code($"{field}[{i}]", value)).OfType<string>()];
}
