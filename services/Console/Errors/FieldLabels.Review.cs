namespace Visitation.Console.Errors;

public sealed partial class FieldLabels
{
    /// <summary>
    /// ApproveApplication's and RejectApplication's fields as the reviewer's forms show them: the service's <c>reason</c> is the
    /// form's note (<see cref="Pages.Review.DecideModel"/> maps the path).
    /// </summary>
    public static FieldLabels Review { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["application_id"] = "申请编号",
        ["reason_code"] = "不同意的原因",
        ["note"] = "说明",
        ["remove_visitors"] = "不予会见的会见人",
        ["remove_visitors[]"] = "第{0}个不予会见的会见人",
        ["remove_visitors[].visitor_index"] = "第{0}个不予会见的会见人",
        ["remove_visitors[].reason"] = "第{0}个不予会见的会见人的原因",
    });
}
