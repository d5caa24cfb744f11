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
