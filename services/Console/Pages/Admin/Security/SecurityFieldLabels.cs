namespace Visitation.Console.Errors;

/// <summary>The security administrator's forms' fields (identity administration: an account's id, a key's start and validity).</summary>
public sealed partial class FieldLabels
{
    public static FieldLabels Security { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["account_id"] = "账号编号",
        ["not_before"] = "新密钥启用日期",
        ["valid_for"] = "有效天数",
    });
}
