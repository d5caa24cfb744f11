namespace Visitation.Rules.Policies;

/// <summary>
/// Everything about family visits that differs by province or prison (RULES.md §2, §3, §5, §7).
/// Rules read these values and never hard-code them, so a new province or a changed notice is a
/// data change in <c>deploy/reference-data/policies/</c>, not a code change.
/// </summary>
/// <remarks>
/// Every parameter is required in the JSON, even the nullable ones (write <c>null</c>): a policy
/// file that forgets a field must fail to load rather than silently fall back to a default.
/// </remarks>
/// <param name="ProvinceId">Lower-case province key, e.g. <c>shanxi</c>.</param>
/// <param name="Version">Free-form version label, reported with decisions so they can be traced to the data.</param>
/// <param name="EffectiveFrom">First day the policy applies.</param>
/// <param name="AllowedRelations">Relation codes that may visit at all.</param>
/// <param name="RestrictedRelations">The narrower scope for inmates in <paramref name="RestrictedCrimeCategories"/>.</param>
/// <param name="RestrictedCrimeCategories">Crime categories that trigger the narrower scope (empty: none).</param>
/// <param name="VisitsPerMonthByLevel">Monthly quota by management level (lenient, normal, assessment, strict).</param>
/// <param name="JuvenileVisitsPerMonth">Quota for juvenile inmates, or null when the documents give none.</param>
/// <param name="VisitMinutes">Length of an ordinary visit.</param>
/// <param name="JuvenileVisitMinutes">Length for juvenile inmates, or null to use <paramref name="VisitMinutes"/>.</param>
/// <param name="LongerVisitMinutes">Length granted by a longer-visit approval, or null when not configured.</param>
/// <param name="MaxCountedVisitors">Most visitors counted in one visit.</param>
/// <param name="ChildNotCountedUnderAge">Visitors strictly younger than this are not counted.</param>
/// <param name="GuardianRequiredUnderAge">Visitors strictly younger than this need a guardian present.</param>
/// <param name="AdvanceDays">Minimum days between submission and the visit day (0: none).</param>
/// <param name="NoShowCountsAsVisit">Whether a forfeited visit still uses the month's quota.</param>
/// <param name="VideoVisitsPerInmatePerDay">Most video visits one inmate has on one day; the month's visits spread over the area's other days.</param>
/// <param name="SuspendedLevels">Management levels during which visits are suspended.</param>
/// <param name="PenaltyMonthsBySeverity">Suspension after a terminated visit: ordinary, serious, very_serious.</param>
/// <param name="ReviewDeadlineWorkingDays">Working days each review stage has: judicial_office, county_bureau, prison.</param>
/// <param name="ExtraVisitApprovalChain">Every approver an extra or longer visit needs, in order.</param>
/// <param name="RequiredDocumentsPerAdult">Documents beyond ID and relationship proof each adult visitor needs.</param>
/// <param name="NoShowSuspension">The no-show option (policy choice, off unless <c>enabled</c>): N no-shows within M months stop a family's new applications for K months.</param>
/// <param name="Sources">Citation per rule code or suspension kind (key <c>suspension:kind</c>).</param>
/// <param name="Notes">Why a value is what it is, especially where it is a policy choice.</param>
public sealed record VisitPolicy(
    string ProvinceId,
    string Version,
    DateOnly EffectiveFrom,
    IReadOnlyList<string> AllowedRelations,
    IReadOnlyList<string> RestrictedRelations,
    IReadOnlyList<string> RestrictedCrimeCategories,
    IReadOnlyDictionary<string, int> VisitsPerMonthByLevel,
    int? JuvenileVisitsPerMonth,
    int VisitMinutes,
    int? JuvenileVisitMinutes,
    int? LongerVisitMinutes,
    int MaxCountedVisitors,
    int ChildNotCountedUnderAge,
    int GuardianRequiredUnderAge,
    int AdvanceDays,
    bool NoShowCountsAsVisit,
    int VideoVisitsPerInmatePerDay,
    IReadOnlyList<string> SuspendedLevels,
    IReadOnlyDictionary<string, PenaltyRange> PenaltyMonthsBySeverity,
    IReadOnlyDictionary<string, int> ReviewDeadlineWorkingDays,
    IReadOnlyList<string> ExtraVisitApprovalChain,
    IReadOnlyList<string> RequiredDocumentsPerAdult,
    NoShowSuspensionPolicy NoShowSuspension,
    IReadOnlyDictionary<string, string> Sources,
    IReadOnlyDictionary<string, string> Notes)
{
    /// <summary>The citation for a rule code or suspension key; empty when the policy names none.</summary>
    public string SourceOf(string key) => Sources.GetValueOrDefault(key, "");
}
