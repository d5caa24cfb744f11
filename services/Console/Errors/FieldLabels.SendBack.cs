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
}
