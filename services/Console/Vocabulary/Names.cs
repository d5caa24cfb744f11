using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Grpc;

namespace Visitation.Console.Vocabulary;

/// <summary>The Chinese words the pages use for the contracts' closed vocabularies, in one place.</summary>
public static class Names
{
    /// <summary>Every relation the contract knows, named as the rules name them in messages (one vocabulary).</summary>
    public static IReadOnlyList<(Relation Value, string Name)> Relations { get; } =
    [
        .. Enum.GetValues<Relation>().Where(relation => relation != Relation.Unspecified)
            .Select(relation => (relation, RelationNames.Of(ProtoCodes.ToCode(relation)))),
    ];

    public static IReadOnlyList<(DocumentKind Value, string Name)> Documents { get; } =
    [
        (DocumentKind.ResidentId, "居民身份证"), (DocumentKind.HouseholdRegister, "户口簿"),
        (DocumentKind.MarriageCertificate, "结婚证"), (DocumentKind.BirthCertificate, "出生证明"),
        (DocumentKind.RelationshipCertificate, "亲属关系证明"), (DocumentKind.CourtJudgment, "载明关系的法院判决书"),
        (DocumentKind.VisitPermit, "会见证"), (DocumentKind.RecentPhoto, "近期生活照"),
        (DocumentKind.RealPersonVerification, "实人认证"),
    ];

    public static IReadOnlyList<(EligibilityPurpose Value, string Name)> Purposes { get; } =
    [
        (EligibilityPurpose.CounterApplication, "家属在窗口当场申请"),
        (EligibilityPurpose.FamilyEnquiry, "家属咨询，暂不申请"),
        (EligibilityPurpose.ApplicationReview, "审核申请时核对家属"),
    ];

    public static IReadOnlyList<(PartOfDay Value, string Name)> PartsOfDay { get; } =
    [
        (PartOfDay.Unspecified, "不限"), (PartOfDay.Morning, "上午"), (PartOfDay.Afternoon, "下午"),
    ];

    public static IReadOnlyList<(ApplicationStatus Value, string Name)> Statuses { get; } =
    [
        (ApplicationStatus.Submitted, "已受理，待县司法局审核"),
        (ApplicationStatus.SentBackByBureau, "县司法局退回补正，待司法所补交材料"),
        (ApplicationStatus.BureauApproved, "县司法局已同意，待监狱审批"),
        (ApplicationStatus.SentBackByPrison, "监狱退回补正，待司法所补交材料"),
        (ApplicationStatus.PrisonApproved, "监狱已同意，待排期"),
        (ApplicationStatus.VisitProposed, "已拟定时间，待监狱确认"),
        (ApplicationStatus.Scheduled, "已排期，已短信通知家属"),
        (ApplicationStatus.BureauRejected, "县司法局未同意"),
        (ApplicationStatus.PrisonRejected, "监狱未同意"),
        (ApplicationStatus.NoSlotAvailable, "当月无可用时段"),
        (ApplicationStatus.Withdrawn, "已撤回"),
        (ApplicationStatus.Visited, "已会见"),
        (ApplicationStatus.NoShow, "家属未到"),
        (ApplicationStatus.VisitTerminated, "会见被中止"),
        (ApplicationStatus.VisitCancelled, "会见已取消"),
    ];

    /// <summary>What a stage may send an application back for (退回补正), in the words of the family's SMS.</summary>
    public static IReadOnlyList<(MissingMaterial Value, string Name)> MissingMaterials { get; } =
    [
        .. Enum.GetValues<MissingMaterial>().Where(item => item != MissingMaterial.Unspecified)
            .Select(item => (item, Rules.Reviewing.MissingMaterials.WordsFor(ProtoCodes.ToCode(item)))),
    ];

    public static string Of(MissingMaterial value) => Find(MissingMaterials, value);

    public static string Of(Relation value) => Find(Relations, value);

    public static string Of(DocumentKind value) => Find(Documents, value);

    public static string Of(ApplicationStatus value) => Find(Statuses, value);

    public static string Of(EligibilityPurpose value) => Find(Purposes, value);

    public static string Of(PartOfDay value) => Find(PartsOfDay, value);

    public static string RoleName(string? role) => role switch
    {
        Roles.Clerk => "司法所工作人员",
        Roles.Reviewer => "县司法局审核人员",
        Roles.Officer => "监狱会见中心民警",
        Roles.VenueStaff => "会见室工作人员",
        Roles.Director => "审批领导",
        Roles.Operator => "系统运维",
        Roles.SystemAdministrator => "系统管理员",
        Roles.SecurityAdministrator => "安全管理员",
        Roles.AuditAdministrator => "审计管理员",
        _ => "未知角色",
    };

    private static string Find<T>(IReadOnlyList<(T Value, string Name)> names, T value) where T : struct, Enum =>
        names.FirstOrDefault(n => n.Value.Equals(value)).Name ?? "未填写";
}
