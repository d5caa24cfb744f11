using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.Scheduling.Grpc;

/// <summary>
/// A required enum of a request, turned into the stable code the rules and the database use. Not
/// given (0) or a number the proto does not define is a field violation, like any bad value
/// (docs/decisions/0006-typed-contracts.md).
/// </summary>
public static class RequiredEnums
{
    /// <summary>The value's code, or null after adding the violation.</summary>
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
}
