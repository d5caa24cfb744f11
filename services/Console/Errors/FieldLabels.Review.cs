namespace Visitation.Console.Errors;

public sealed partial class FieldLabels
{
    /// <summary>
    /// RejectApplication's fields as the reviewer's form shows them: the service's <c>reason</c> is the
    /// form's note (<see cref="Pages.Review.DecideModel"/> maps the path).
    /// </summary>
    public static FieldLabels Review { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["application_id"] = "申请编号",
        ["reason_code"] = "不同意的原因",
        ["note"] = "说明",
    });
}
