using System.Collections.Frozen;

namespace Visitation.Rules.Eligibility;

/// <summary>
/// Relations the law makes parent and child (法律拟制): an adoptive parent and child have the rights
/// and duties of parents and children (《民法典》第一千一百一十一条), and so do a step-parent and the
/// step-child they raised (第一千零七十二条). A province's circle of relatives names fathers, mothers,
/// sons and daughters; these count as such. Ningxia's definition says so in terms ("因婚姻、血缘、法律拟制", [N§4]).
/// </summary>
/// <remarks>
/// That a step-parent raised the child is what the relationship certificate the clerk sees must show;
/// the documents rule asks for one, as for every relation.
/// </remarks>
public static class RelationKinship
{
    private static readonly FrozenDictionary<string, string> ByLaw = new Dictionary<string, string>
    {
        ["adoptive_father"] = "father",
        ["adoptive_mother"] = "mother",
        ["adopted_son"] = "son",
        ["adopted_daughter"] = "daughter",
        ["stepfather"] = "father",
        ["stepmother"] = "mother",
        ["stepson"] = "son",
        ["stepdaughter"] = "daughter",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The relation a province's circle is read with: the blood relation the law treats this one as, or itself.</summary>
    public static string AsCounted(string relation) => ByLaw.GetValueOrDefault(relation, relation);
}
