namespace Visitation.Rules.Eligibility;

/// <summary>The kinds of inmate status that suspend visits (RULES.md §5), with wording for families.</summary>
public static class StatusKinds
{
    public const string InductionTraining = "induction_training";
    public const string Confinement = "confinement";
    public const string Investigation = "investigation";
    public const string SeparateCustody = "separate_custody";
    public const string DiehardDangerous = "diehard_dangerous";
    public const string PoliticalKey = "political_key";
    public const string FalseInformation = "false_information";
    public const string Penalty = "penalty";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
    [
        InductionTraining, Confinement, Investigation, SeparateCustody, DiehardDangerous,
        PoliticalKey, FalseInformation, Penalty, Other,
    ];

    /// <summary>An unknown kind is handled as <see cref="Other"/>: it still blocks, with its reason text.</summary>
    public static string Normalize(string kind) => All.Contains(kind) ? kind : Other;

    /// <summary>What the family is told; <see cref="Other"/> uses the period's own reason.</summary>
    public static string Describe(StatusPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Normalize(period.Kind) switch
        {
            InductionTraining => "罪犯处于入监集训期间",
            Confinement => "罪犯处于禁闭期间",
            Investigation => "罪犯因涉嫌新的犯罪处于立案侦查、起诉或审判期间",
            SeparateCustody => "罪犯处于个别关押、隔离审查或训诫教育期间",
            DiehardDangerous => "罪犯属顽危类罪犯",
            PoliticalKey => "罪犯属政治重点罪犯",
            FalseInformation => "申请中提供了虚假姓名、住址或社会关系",
            Penalty => "因违反会见规定被暂停会见，期限未满",
            _ => string.IsNullOrWhiteSpace(period.Reason) ? "存在影响监狱安全或罪犯改造的情形" : period.Reason,
        };
    }
}
