namespace Visitation.Console.Errors;

public sealed partial class FieldLabels
{
    /// <summary>SendBackApplication's fields (both stages) as the send-back form shows them.</summary>
    public static FieldLabels SendBack { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["application_id"] = "申请编号",
        ["missing"] = "需要补充的材料",
        ["note"] = "给司法所的说明",
    });

    /// <summary>ResubmitApplication's fields as the clerk's resubmission form shows them.</summary>
    public static FieldLabels Resubmit { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["application_id"] = "申请编号",
        ["request_id"] = "申请表",
        ["note"] = "补正说明",
    });

    /// <summary>CloseFamilyNotReached's fields as the "family not reached" list's close form shows them.</summary>
    public static FieldLabels NotReached { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["entry_id"] = "记录编号",
        ["outcome"] = "联系结果",
        ["note"] = "处理说明",
    });
}
