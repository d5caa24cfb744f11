using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Visitation.ServiceDefaults.Grpc;

/// <summary>
/// The Chinese name of a request field for people: <c>visitors[1].id_number</c> → "第2位会见人的身份证号".
/// A refusal's message names its fields so (the violations keep the proto paths, for programs); the
/// console labels its forms' fields from the same words. Each segment has a name; a path with a
/// segment no request uses is "填写的内容", never an English proto name.
/// </summary>
public static partial class FieldNames
{
    /// <summary>What a path with an unnamed segment is called.</summary>
    public const string Unnamed = "填写的内容";

    // A list's item takes its position from one: "第{0}位会见人".
    private static readonly FrozenDictionary<string, string> Segments = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["request_id"] = "申请表",
        ["application_id"] = "申请编号",
        ["visit_id"] = "会见编号",
        ["inmate"] = "服刑人员",
        ["inmates"] = "服刑人员名单",
        ["inmates[]"] = "第{0}名服刑人员",
        ["inmate_number"] = "服刑人员编号",
        ["inmate_name"] = "服刑人员姓名",
        ["name"] = "姓名",
        ["prison_id"] = "所在监狱",
        ["prison_area"] = "监区",
        ["management_level"] = "管理等级",
        ["crime_categories"] = "罪名类别",
        ["juvenile"] = "是否未成年犯",
        ["visitors"] = "会见人",
        ["visitors[]"] = "第{0}位会见人",
        ["id_number"] = "身份证号",
        ["phone"] = "手机号",
        ["relation"] = "与服刑人员的关系",
        ["registered_relation"] = "登记的亲属关系",
        ["documents"] = "出示的证件",
        ["is_guardian"] = "是否监护人",
        ["is_contact"] = "是否联系人",
        ["visit_month"] = "会见月份",
        ["month"] = "月份",
        ["from_month"] = "起始月份",
        ["to_month"] = "截止月份",
        ["group_by"] = "统计口径",
        ["export"] = "导出格式",
        ["venue_id"] = "视频会见室",
        ["office_id"] = "司法所",
        ["county_id"] = "县司法局",
        ["organisation_id"] = "单位",
        ["preferred_dates"] = "意向日期",
        ["preferred_dates[]"] = "第{0}个意向日期",
        ["preferred_part_of_day"] = "意向时段",
        ["purpose"] = "查询事由",
        ["decision"] = "审核结论",
        ["reason_code"] = "原因",
        ["reason"] = "原因说明",
        ["note"] = "备注",
        ["entry_id"] = "记录编号",
        ["outcome"] = "联系结果",
        ["closed"] = "已处理",
        ["missing"] = "需补充的材料",
        ["visitor_index"] = "会见人序号",
        ["added_documents"] = "补充的证件",
        ["override_reason"] = "例外登记原因",
        ["preview"] = "仅预览",
        ["cause"] = "取消原因",
        ["severity"] = "情节",
        ["penalty_months"] = "处罚月数",
        ["statuses"] = "状态",
        ["statuses[]"] = "第{0}项状态",
        ["status_id"] = "状态编号",
        ["kind"] = "类别",
        ["from"] = "开始日期",
        ["to"] = "结束日期",
        ["date"] = "日期",
        ["date_from"] = "起始日期",
        ["date_to"] = "截止日期",
        ["new_date"] = "新日期",
        ["new_start_time"] = "新开始时间",
        ["start_time"] = "开始时间",
        ["end_time"] = "结束时间",
        ["left_on"] = "离监日期",
        ["transferred_to"] = "调往单位",
        ["bar_id"] = "限制编号",
        ["closure_id"] = "停开编号",
        ["side"] = "停开方",
        ["terminal_id"] = "终端",
        ["prison_terminal"] = "监狱端终端",
        ["venue_terminal"] = "会见室终端",
        ["minutes"] = "分钟数",
        ["signatories"] = "审批人",
        ["signatories[]"] = "第{0}位审批人",
        ["valid_for"] = "有效月份",
        ["use_extra_visit_approval"] = "使用加见审批",
        ["use_longer_visit_approval"] = "使用延时审批",
        ["remove_visitors"] = "不予会见的会见人",
        ["remove_visitors[]"] = "第{0}位不予会见的会见人",
        ["page"] = "分页",
        ["page_size"] = "每页条数",
        ["page_token"] = "页码标记",
        ["filter"] = "筛选条件",
        ["query"] = "查找内容",
        ["status"] = "状态",
        ["stage"] = "环节",
        ["limit"] = "条数上限",
        ["max_results"] = "条数上限",
        ["account_id"] = "账号",
        ["user_name"] = "用户名",
        ["role"] = "角色",
        ["initial_password"] = "初始密码",
        ["new_password"] = "新密码",
        ["key_id"] = "密钥编号",
        ["not_before"] = "生效时间",
        ["not_after"] = "失效时间",
        ["actor_user_id"] = "操作人",
        ["actor_organisation"] = "操作单位",
        ["owner_organisation"] = "记录所属单位",
        ["record_type"] = "记录类型",
        ["record_id"] = "记录编号",
        ["event_type"] = "事件类型",
        ["service"] = "服务",
        ["recorded_from"] = "记录起始时间",
        ["recorded_to"] = "记录截止时间",
        ["text"] = "内容",
        ["csv"] = "CSV 文件",
        ["rows"] = "数据行",
        ["rows[]"] = "第{0}行",
        ["on"] = "日期",
        ["last_day"] = "最后一天",
        ["approved_by"] = "审批人",
        ["approved_by[]"] = "第{0}位审批人",
        ["identity_checked"] = "身份核验",
        ["only_broken_links"] = "只看断链记录",
        ["state"] = "状态",
        ["visitor_id_numbers"] = "到场会见人的身份证号",
        ["visitor_id_numbers[]"] = "第{0}个到场会见人的身份证号",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>"第2位会见人的身份证号" for <c>visitors[1].id_number</c>; <see cref="Unnamed"/> when a segment has no name.</summary>
    public static string Of(string protoPath)
    {
        ArgumentNullException.ThrowIfNull(protoPath);
        var names = new List<string>();
        foreach (var segment in protoPath.Split('.'))
        {
            var position = Position().Match(segment);
            if (!position.Success)
            {
                if (!Segments.TryGetValue(segment, out var name))
                {
                    return Unnamed;
                }

                names.Add(name);
                continue;
            }

            var list = segment[..position.Index];
            var ordinal = int.Parse(position.Groups[1].Value, CultureInfo.InvariantCulture) + 1;
            // An item named for its kind ("第2位会见人"), or else counted within its list ("罪名类别的第2项").
            if (Segments.TryGetValue(list + "[]", out var item))
            {
                names.Add(string.Format(CultureInfo.InvariantCulture, item, ordinal));
            }
            else if (Segments.TryGetValue(list, out var whole))
            {
                names.Add(string.Create(CultureInfo.InvariantCulture, $"{whole}的第{ordinal}项"));
            }
            else
            {
                return Unnamed;
            }
        }

        return string.Join("的", names);
    }

    [GeneratedRegex(@"\[(\d+)\]$")]
    private static partial Regex Position();
}
