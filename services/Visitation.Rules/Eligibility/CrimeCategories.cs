namespace Visitation.Rules.Eligibility;

/// <summary>The crime categories the regulations single out ([Y 五(三)]); everything else is <see cref="Other"/>.</summary>
public static class CrimeCategories
{
    /// <summary>职务犯罪.</summary>
    public const string DutyCrime = "duty_crime";

    /// <summary>破坏金融管理秩序和金融诈骗.</summary>
    public const string FinancialCrime = "financial_crime";

    /// <summary>组织、领导、参加、包庇、纵容黑社会性质组织.</summary>
    public const string OrganisedCrime = "organised_crime";

    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [DutyCrime, FinancialCrime, OrganisedCrime, Other];
}
