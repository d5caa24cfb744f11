using System.Collections.Frozen;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Sms;

namespace Visitation.Rules.Reviewing;

/// <summary>
/// Refusing one visitor while approving the visit (docs/visitor-refusal-and-no-shows.md): the visit
/// centre removes a visitor from an application for a coded reason, the others still visit. A closed
/// list of codes, each with the Chinese sentence the staff read and the neutral sentence the family's
/// SMS gives (<see cref="SmsReasons"/>). The codes are the snake_case names of the proto's
/// <c>VisitorRemovalReason</c> values; the decision records them in UPPER_SNAKE, as every reason code.
/// </summary>
public static class VisitorRemovals
{
    public const string NotRelativeInScope = "not_relative_in_scope";
    public const string Barred = "barred";
    public const string DocumentsMissing = "documents_missing";
    public const string RelationshipUnproven = "relationship_unproven";
    public const string IdentityUnverified = "identity_unverified";

    /// <summary>The longest the SMS's list of removed visitors may be before it names them by position alone.</summary>
    public const int MaxSmsDescriptionLength = 40;

    private static readonly FrozenDictionary<string, (string Message, string SmsReason)> Reasons =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            [NotRelativeInScope] = ("不属于可以会见的亲属范围", SmsReasons.ApplicationDetails),
            // A bar is the prison's record of an incident; the family was told when it was set (docs/eligibility-check.md).
            [Barred] = ("目前不得参加会见", SmsReasons.ConditionsNotMet),
            [DocumentsMissing] = ("身份或关系证明材料不全", SmsReasons.ApplicationDetails),
            [RelationshipUnproven] = ("与服刑人员的亲属关系未能核实", SmsReasons.ApplicationDetails),
            [IdentityUnverified] = ("身份未能核实", SmsReasons.ApplicationDetails),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every code, in the proto's order.</summary>
    public static IReadOnlyList<string> All { get; } = [NotRelativeInScope, Barred, DocumentsMissing, RelationshipUnproven, IdentityUnverified];

    public static bool IsKnown(string code) => Reasons.ContainsKey(code);

    /// <summary>The code as the decision records it: VISITOR_NOT_RELATIVE_IN_SCOPE, VISITOR_BARRED…</summary>
    public static string ReasonCode(string code) => "VISITOR_" + Known(code).ToUpperInvariant();

    /// <summary>"第2位会见人（配偶）不予会见：不属于可以会见的亲属范围。" — for the staff's record and the decision's reply.</summary>
    public static string Message(int index, string relation, string code) =>
        $"第{index + 1}位会见人（{RelationNames.Of(relation)}）不予会见：{Reasons[Known(code)].Message}。";

    /// <summary>
    /// The one reason sentence the family's SMS gives: the removals' common sentence, or the neutral one
    /// when they differ (one sentence per SMS; the office tells the rest).
    /// </summary>
    public static string SmsReason(IEnumerable<string> codes)
    {
        var sentences = codes.Select(c => Reasons[Known(c)].SmsReason).Distinct().ToList();
        return sentences.Count == 1 ? sentences[0] : SmsReasons.ConditionsNotMet;
    }

    /// <summary>
    /// Who cannot come, as the family's SMS names them: by position on the application and relation word
    /// ("第2位会见人（配偶）、第3位会见人（儿子）"), never by name (a name is what a clerk typed:
    /// docs/sms-content.md). When that is longer than <see cref="MaxSmsDescriptionLength"/>, by position
    /// alone ("第2、3、4位会见人"), so the SMS stays within its budget whatever the relations.
    /// </summary>
    public static string DescribeForSms(IReadOnlyList<(int Index, string Relation)> removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        var ordered = removed.OrderBy(r => r.Index).ToList();
        var full = string.Join("、", ordered.Select(r => $"第{r.Index + 1}位会见人（{RelationNames.Of(r.Relation)}）"));
        return full.Length <= MaxSmsDescriptionLength
            ? full
            : $"第{string.Join("、", ordered.Select(r => r.Index + 1))}位会见人";
    }

    /// <summary>
    /// What is wrong with a removal request, by the field it concerns (empty when it may be recorded):
    /// an index outside the application, a visitor removed twice, an unknown code, or no adult left —
    /// removing every adult is a refusal of the application, not an approval, and the message sends the reviewer to the
    /// refusal by its name on their own stage's page (<see cref="ReviewStage.RefuseAction"/>).
    /// </summary>
    /// <param name="stage">The stage removing the visitors: the county bureau or the prison's visit centre.</param>
    /// <param name="visitorAges">The application's visitors' ages, in order.</param>
    public static IReadOnlyList<(string Field, string Problem)> Check(ReviewStage stage, IReadOnlyList<int> visitorAges, IReadOnlyList<(int Index, string Code)> removals)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(visitorAges);
        ArgumentNullException.ThrowIfNull(removals);
        var problems = new List<(string, string)>();
        var seen = new HashSet<int>();
        for (var i = 0; i < removals.Count; i++)
        {
            var (index, code) = removals[i];
            if (index < 0 || index >= visitorAges.Count)
                problems.Add(($"remove_visitors[{i}].visitor_index", $"申请中没有第{index + 1}位会见人"));
            else if (!seen.Add(index))
                problems.Add(($"remove_visitors[{i}].visitor_index", "同一会见人不能重复移除"));
            if (!IsKnown(code))
                problems.Add(($"remove_visitors[{i}].reason", "请选择移除会见人的原因"));
        }

        var adultLeft = visitorAges.Where((_, index) => !seen.Contains(index)).Any(age => age >= Visitor.AdultAge);
        if (removals.Count > 0 && problems.Count == 0 && !adultLeft)
            problems.Add(("remove_visitors", $"至少须保留一名成年会见人；全部不予会见请选择“{stage.RefuseAction}”"));
        return problems;
    }

    private static string Known(string code) =>
        IsKnown(code) ? code : throw new ArgumentOutOfRangeException(nameof(code), code, "Not a visitor-removal code.");
}
