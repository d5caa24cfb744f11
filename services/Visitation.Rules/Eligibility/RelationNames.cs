using System.Collections.Frozen;

namespace Visitation.Rules.Eligibility;

/// <summary>Chinese names of the relation codes, for messages that go to families.</summary>
public static class RelationNames
{
    private static readonly FrozenDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["spouse"] = "配偶",
        ["father"] = "父亲",
        ["mother"] = "母亲",
        ["son"] = "儿子",
        ["daughter"] = "女儿",
        ["brother"] = "兄弟",
        ["sister"] = "姐妹",
        ["guardian"] = "监护人",
        ["grandfather"] = "祖父",
        ["grandmother"] = "祖母",
        ["maternal_grandfather"] = "外祖父",
        ["maternal_grandmother"] = "外祖母",
        ["grandson"] = "孙子",
        ["granddaughter"] = "孙女",
        ["maternal_grandson"] = "外孙子",
        ["maternal_granddaughter"] = "外孙女",
        ["adoptive_father"] = "养父",
        ["adoptive_mother"] = "养母",
        ["adopted_son"] = "养子",
        ["adopted_daughter"] = "养女",
        ["stepfather"] = "继父",
        ["stepmother"] = "继母",
        ["stepson"] = "继子",
        ["stepdaughter"] = "继女",
        ["father_in_law"] = "公公／岳父",
        ["mother_in_law"] = "婆婆／岳母",
        ["son_in_law"] = "女婿",
        ["daughter_in_law"] = "儿媳",
        ["uncle"] = "伯父／叔父／舅父／姑父／姨父",
        ["aunt"] = "伯母／婶母／舅母／姑母／姨母",
        ["nephew"] = "侄子／外甥",
        ["niece"] = "侄女／外甥女",
        ["cousin"] = "堂／表兄弟姐妹",
        ["sibling_in_law"] = "兄弟姐妹的配偶／配偶的兄弟姐妹",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Codes => Names.Keys;

    /// <summary>The Chinese name; an unknown code is shown as "其他亲属" rather than leaking a code into an SMS.</summary>
    public static string Of(string relation) => Names.GetValueOrDefault(relation, "其他亲属");

    /// <summary>"第2位会见人（祖父）": position plus relation, which identifies the person without personal data.</summary>
    public static string Describe(int index, Visitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return $"第{index + 1}位会见人（{Of(visitor.Relation)}）";
    }
}
