namespace Visitation.Console.Errors;

public sealed partial class FieldLabels
{
    /// <summary>WithdrawApplication's fields.</summary>
    public static FieldLabels Withdrawal { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["application_id"] = "申请编号",
        ["reason"] = "撤回原因",
    });
}
