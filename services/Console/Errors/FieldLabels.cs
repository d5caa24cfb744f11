using System.Globalization;
using System.Text.RegularExpressions;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Console.Errors;

/// <summary>
/// The Chinese label of each field a service may name in a violation, by its proto path with the
/// list positions taken out (<c>visitors[].id_number</c>); a label with <c>{0}</c> takes the
/// person's position counted from one ("第2位会见人的身份证号").
/// </summary>
public sealed partial class FieldLabels(IReadOnlyDictionary<string, string> labels)
{
    private static readonly Dictionary<string, string> Visitor = new(StringComparer.Ordinal)
    {
        ["visitors"] = "会见人",
        ["visitors[]"] = "第{0}位会见人",
        ["visitors[].name"] = "第{0}位会见人的姓名",
        ["visitors[].id_number"] = "第{0}位会见人的身份证号",
        ["visitors[].phone"] = "第{0}位会见人的手机号",
        ["visitors[].relation"] = "第{0}位会见人与服刑人员的关系",
        ["visitors[].documents"] = "第{0}位会见人出示的证件",
        ["visitors[].is_guardian"] = "第{0}位会见人是否监护人",
        ["visitors[].is_contact"] = "第{0}位会见人是否联系人",
        ["visit_month"] = "会见月份",
    };

    /// <summary>SubmitApplication's fields.</summary>
    public static FieldLabels Submission { get; } = new(new Dictionary<string, string>(Visitor, StringComparer.Ordinal)
    {
        ["request_id"] = "申请表",
        ["inmate"] = "服刑人员",
        ["inmate.name"] = "服刑人员姓名",
        ["inmate.prison_id"] = "所在监狱",
        ["inmate.prison_area"] = "监区",
        ["venue_id"] = "视频会见室",
        ["preferred_dates"] = "意向日期",
        ["preferred_dates[]"] = "第{0}个意向日期",
        ["preferred_part_of_day"] = "意向时段",
    });

    /// <summary>CheckEligibility's fields.</summary>
    public static FieldLabels Eligibility { get; } = new(new Dictionary<string, string>(Visitor, StringComparer.Ordinal)
    {
        ["inmate"] = "服刑人员",
        ["inmate.name"] = "服刑人员姓名",
        ["inmate.prison_id"] = "所在监狱",
        ["inmate.inmate_number"] = "服刑人员编号",
        ["purpose"] = "查询事由",
    });

    /// <summary>The form's label of a proto field path; a path the form does not label has the services' Chinese name for it.</summary>
    public string LabelOf(string protoPath)
    {
        var positions = Position().Matches(protoPath).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).Cast<object>().ToArray();
        var key = Position().Replace(protoPath, "[]");
        return labels.TryGetValue(key, out var label) ? string.Format(CultureInfo.InvariantCulture, label, positions) : FieldNames.Of(protoPath);
    }

    /// <summary>
    /// The form's key for a proto path: each segment in PascalCase under the bound model's prefix
    /// (<c>visitors[0].id_number</c> → <c>Form.Visitors[0].IdNumber</c>), as the forms name their fields.
    /// </summary>
    public static string FormKey(string prefix, string protoPath)
    {
        var segments = protoPath.Split('.').Select(segment => string.Concat(segment.Split('_').Select(Capitalise)));
        return prefix + "." + string.Join('.', segments);
    }

    private static string Capitalise(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Position();
}
