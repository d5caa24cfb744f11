using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Console.Pages.VisitCentre;

/// <summary>The Chinese words of the visit centre's pages: the rules, the refusal reasons, the register's vocabularies.</summary>
public static class PrisonNames
{
    /// <summary>The rules the prison's engine runs (prison_approval.proto, RuleVerdict.rule).</summary>
    private static readonly Dictionary<string, string> Rules = new(StringComparer.Ordinal)
    {
        ["IN_CUSTODY"] = "仍在本监狱服刑",
        ["RESTRICTED_RELATION"] = "特定罪名的会见亲属范围",
        ["MANAGEMENT_LEVEL"] = "处遇等级不暂停会见",
        ["SUSPENSION"] = "无暂停会见的情形（禁闭、集训、侦查等）",
        ["MONTHLY_QUOTA"] = "本月会见次数未用完",
        ["VISITOR_BARRED"] = "会见人未被禁止会见",
        ["NO_SHOW_SUSPENSION"] = "家属近期无多次预约未到场（本监狱启用的政策选项）",
        ["RELATION_REGISTER"] = "亲属关系与亲属登记一致",
    };

    /// <summary>
    /// The reasons an officer refuses with (PrisonRejectRequest.reason_code): the codes the service and
    /// the family's SMS already know (Visitation.Rules.Sms.SmsReasons), each with its label here.
    /// </summary>
    public static IReadOnlyList<(string Code, string Name)> RefusalReasons { get; } =
    [
        ("RELATION_MISMATCH", "亲属关系与登记不一致"),
        ("RELATIONSHIP_UNPROVEN", "亲属关系证明不足"),
        ("DOCUMENTS_INCOMPLETE", "证明材料不齐全"),
        ("INMATE_NOT_FOUND", "查无此服刑人员"),
        ("MONTHLY_QUOTA_USED", "本月会见次数已用完"),
        ("STRICT_MANAGEMENT_LEVEL", "处遇等级暂停会见"),
        ("VISITOR_BARRED", "会见人被禁止会见"),
        ("OTHER", "其他原因"),
    ];

    public static string Rule(string rule) => Rules.GetValueOrDefault(rule, rule);

    /// <summary>A refusal's text after its code's label where the officer's list has one ("亲属关系证明不足：…"); a rule's own sentence alone otherwise.</summary>
    public static string Explained(string? code, string text) =>
        RefusalReasons.FirstOrDefault(r => r.Code == code).Name is { } label ? $"{label}：{text}" : text;

    public static string Of(InmateStatusKind kind) => kind switch
    {
        InmateStatusKind.InductionTraining => "入监集训",
        InmateStatusKind.Confinement => "禁闭",
        InmateStatusKind.Investigation => "涉嫌新罪立案侦查、起诉或审判",
        InmateStatusKind.SeparateCustody => "个别关押、隔离审查或训诫教育",
        InmateStatusKind.DiehardDangerous => "顽危犯",
        InmateStatusKind.PoliticalKey => "重点罪犯",
        InmateStatusKind.FalseInformation => "提供虚假信息",
        InmateStatusKind.Penalty => "会见中止后的暂停期",
        InmateStatusKind.Other => "其他",
        _ => "未填写",
    };

    public static string Of(ManagementLevel level) => level switch
    {
        ManagementLevel.Lenient => "宽管",
        ManagementLevel.Normal => "普管",
        ManagementLevel.Assessment => "考核",
        ManagementLevel.Strict => "严管",
        _ => "未填写",
    };

    public static string Of(CrimeCategory category) => category switch
    {
        CrimeCategory.DutyCrime => "职务犯罪",
        CrimeCategory.FinancialCrime => "破坏金融管理秩序和金融诈骗",
        CrimeCategory.OrganisedCrime => "黑社会性质组织犯罪",
        CrimeCategory.Other => "其他",
        _ => "未填写",
    };

    public static string Of(DepartureKind kind) => kind switch
    {
        DepartureKind.Transferred => "调往其他监狱",
        DepartureKind.Released => "释放出监",
        DepartureKind.Returned => "回到本监狱",
        _ => "未填写",
    };

    public static string Of(StatusSource source) => source switch
    {
        StatusSource.Register => "名册导入",
        StatusSource.Officer => "民警登记",
        StatusSource.Penalty => "会见中止处罚",
        _ => "未填写",
    };

    public static string Of(SpecialApprovalKind kind) => kind switch
    {
        SpecialApprovalKind.ExtraVisit => "加次会见",
        SpecialApprovalKind.LongerVisit => "延长会见时间",
        _ => "未填写",
    };

    public static string Of(SpecialApprovalLevel level) => level switch
    {
        SpecialApprovalLevel.PrisonArea => "监区",
        SpecialApprovalLevel.PrisonAdministrationSection => "狱政科",
        SpecialApprovalLevel.PrisonLeadership => "监狱领导",
        SpecialApprovalLevel.PrisonDirector => "监狱长",
        _ => "未填写",
    };

    public static string Of(VisitMode mode) => mode == VisitMode.OnSite ? "现场会见" : "远程视频会见";

    public static string Of(QuotaOutcome outcome) => outcome switch
    {
        QuotaOutcome.Booked => "已批准待会见",
        QuotaOutcome.Held => "已会见",
        QuotaOutcome.NoShow => "未到",
        QuotaOutcome.Cancelled => "已取消（不计次数）",
        _ => "未填写",
    };

    /// <summary>An enum's values without its unspecified zero, for a form's choices.</summary>
    public static IEnumerable<T> Choices<T>() where T : struct, Enum => Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0);

    public static string Of(Custody custody) => custody switch
    {
        Custody.Transferred => "已调往其他监狱",
        Custody.Released => "已离开本监狱",
        _ => "在押",
    };

    public static string Of(CancellationCause cause) => cause switch
    {
        CancellationCause.Maintenance => "会见设备检修",
        CancellationCause.Upgrade => "会见系统升级",
        CancellationCause.NetworkFault => "网络故障",
        CancellationCause.Security => "安全工作需要",
        CancellationCause.Other => "其他原因",
        _ => "未填写",
    };

    /// <summary>What kind of change cancelled a booked visit (VisitView.outcome_reason_code), for the "needs attention" list.</summary>
    public static string Change(string code) => code switch
    {
        "DAY_CANCELLED" => "停开",
        "VISIT_CANCELLED" => "单次取消",
        "SCHEDULE_CHANGED" => "会见日或时间调整",
        "AREA_CHANGED" => "罪犯调整监区",
        "VISITOR_BARRED" => "会见人被禁止会见",
        "INMATE_TRANSFERRED" => "罪犯调离",
        "INMATE_RELEASED" => "罪犯出监",
        "STRICT_MANAGEMENT_LEVEL" => "处遇等级暂停会见",
        _ when code.StartsWith("SUSPENDED_", StringComparison.Ordinal) => "罪犯状态暂停会见",
        _ => "情况变化",
    };

    /// <summary>A status's dates as the officer reads them.</summary>
    public static string Span(StatusView status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return string.IsNullOrEmpty(status.To) ? $"自{status.From}起" : $"{status.From}至{status.To}";
    }
}
