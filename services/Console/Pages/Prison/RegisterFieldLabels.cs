namespace Visitation.Console.Errors;

/// <summary>The register's forms' fields (prison_approval.proto) and the visit centre's closing of a day (scheduling.proto).</summary>
public sealed partial class FieldLabels
{
    /// <summary>Keyed by the form's paths: the page maps SetInmateStatus's <c>status.*</c> onto its flat form before labelling.</summary>
    private static readonly Dictionary<string, string> Status = new(StringComparer.Ordinal)
    {
        ["kind"] = "状态类别",
        ["from"] = "开始日期",
        ["to"] = "结束日期",
        ["reason"] = "说明",
    };

    /// <summary>The upload and ImportInmates' fields, each inmate by its place in the sent list.</summary>
    public static FieldLabels RegisterImport { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["file"] = "名册文件",
        ["inmates"] = "罪犯名单",
        ["inmates[].inmate_number"] = "第{0}名罪犯的编号",
        ["inmates[].name"] = "第{0}名罪犯的姓名",
        ["inmates[].prison_area"] = "第{0}名罪犯的监区",
        ["inmates[].management_level"] = "第{0}名罪犯的管理等级",
        ["inmates[].statuses[].from"] = "第{0}名罪犯第{1}个状态的开始日期",
        ["inmates[].statuses[].to"] = "第{0}名罪犯第{1}个状态的结束日期",
        ["inmates[].statuses[].reason"] = "第{0}名罪犯第{1}个状态的说明",
    });

    /// <summary>SetInmateStatus's fields.</summary>
    public static FieldLabels InmateStatus { get; } = new(new Dictionary<string, string>(Status, StringComparer.Ordinal)
    {
        ["inmate_number"] = "罪犯编号",
    });

    /// <summary>EndInmateStatus's fields.</summary>
    public static FieldLabels StatusEnd { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["status_id"] = "状态",
        ["last_day"] = "最后一天",
    });

    /// <summary>RecordDeparture's fields.</summary>
    public static FieldLabels Departure { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kind"] = "变动类别",
        ["on"] = "日期",
        ["transferred_to"] = "调往监狱",
    });

    /// <summary>MoveInmateArea's fields.</summary>
    public static FieldLabels AreaMove { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["prison_area"] = "新监区",
    });

    /// <summary>BarVisitor's fields.</summary>
    public static FieldLabels VisitorBar { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id_number"] = "会见人身份证号",
        ["from"] = "禁止会见开始日期",
        ["to"] = "禁止会见结束日期",
        ["reason"] = "禁止会见的原因",
    });

    /// <summary>RecordOnSiteVisit's fields.</summary>
    public static FieldLabels OnSiteVisit { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date"] = "会见日期",
        ["note"] = "备注",
        ["override_reason"] = "补登理由",
    });

    /// <summary>RecordSpecialApproval's fields.</summary>
    public static FieldLabels SpecialApproval { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kind"] = "特批类别",
        ["month"] = "月份",
        ["approved_by"] = "审批层级",
        ["signatories"] = "签批人",
        ["reason"] = "家庭事由",
    });

    /// <summary>CancelDay's fields.</summary>
    public static FieldLabels DayClosure { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["date"] = "停开日期",
        ["cause"] = "停开原因",
        ["note"] = "告知家属的说明",
        ["terminal_id"] = "终端",
        ["start_time"] = "开始时间",
        ["end_time"] = "结束时间",
    });
}
