namespace Visitation.Rules.Eligibility;

/// <summary>What the prison knows about the inmate that decides whether they may be visited.</summary>
/// <param name="ManagementLevel">lenient, normal, assessment or strict (宽管、普管、考核、严管).</param>
/// <param name="IsJuvenile">A juvenile inmate (未成年罪犯), who gets more or longer visits in some provinces.</param>
/// <param name="CrimeCategories">duty_crime, financial_crime, organised_crime or other; several may apply.</param>
/// <param name="Statuses">Dated suspensions, past ones included: the rules look at dates, not at "current".</param>
/// <param name="LeftPrison">When the inmate was transferred away or released; no visit here from that day.</param>
public sealed record InmateState(
    string ProvinceId,
    string PrisonId,
    string ManagementLevel,
    bool IsJuvenile,
    IReadOnlyList<string> CrimeCategories,
    IReadOnlyList<StatusPeriod> Statuses,
    Departure? LeftPrison = null);

/// <summary>The inmate left the prison on <paramref name="On"/>: <see cref="Transferred"/> or <see cref="Released"/>.</summary>
public sealed record Departure(string Kind, DateOnly On)
{
    public const string Transferred = "transferred";
    public const string Released = "released";
}
