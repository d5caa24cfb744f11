namespace Visitation.Console.Errors;

/// <summary>The visit centre's forms' fields (prison_approval.proto and scheduling.proto).</summary>
public sealed partial class FieldLabels
{
    /// <summary>ApproveApplication's and RejectApplication's fields.</summary>
    public static FieldLabels PrisonDecision { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["application_id"] = "审批任务",
        ["inmate_number"] = "罪犯编号",
        ["note"] = "审批意见",
        ["reason_code"] = "不予批准的原因",
        ["reason"] = "告知家属的说明",
        ["remove_visitors"] = "不予会见的会见人",
        ["remove_visitors[]"] = "第{0}个不予会见的会见人",
        ["remove_visitors[].visitor_index"] = "第{0}个不予会见的会见人",
        ["remove_visitors[].reason"] = "第{0}个不予会见的会见人的原因",
    });

    /// <summary>ConfirmVisit's fields.</summary>
    public static FieldLabels VisitConfirmation { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["visit_id"] = "会见",
        ["date"] = "会见日期",
        ["start_time"] = "开始时间",
    });
}
