namespace Visitation.Console.Errors;

/// <summary>The administrators' forms' fields (identity administration and the audit store's filter).</summary>
public sealed partial class FieldLabels
{
    /// <summary>CreateAccount's and ChangeRole's fields.</summary>
    public static FieldLabels Account { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["user_name"] = "用户名",
        ["role"] = "角色",
        ["organisation_id"] = "所属机构",
        ["account_id"] = "账号",
    });

    /// <summary>The audit filter's fields, by their path under <c>filter.</c> (the page's form holds the filter's fields directly).</summary>
    public static FieldLabels AuditFilter { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["actor_user_id"] = "操作人账号编号",
        ["actor_organisation"] = "操作人所属机构",
        ["owner_organisation"] = "记录所属机构",
        ["record_type"] = "记录类型",
        ["record_id"] = "记录编号",
        ["event_type"] = "操作",
        ["service"] = "来源服务",
        ["recorded_from"] = "起始时间",
        ["recorded_to"] = "截止时间",
        ["page.page_token"] = "翻页位置",
    });
}
