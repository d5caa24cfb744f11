namespace Visitation.Console.Errors;

public sealed partial class FieldLabels
{
    /// <summary>GetApplicationReport's fields, as the report's form names them.</summary>
    public static FieldLabels Report { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["from_month"] = "起始月份",
        ["to_month"] = "截止月份",
        ["group_by"] = "统计口径",
        ["export"] = "导出格式",
    });
}
