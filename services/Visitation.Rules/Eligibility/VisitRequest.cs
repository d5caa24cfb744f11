namespace Visitation.Rules.Eligibility;

/// <summary>A family's application, as far as the rules need it.</summary>
/// <param name="Month">The month the visit is for (the quota unit).</param>
/// <param name="VisitDate">The intended day, when known; see <see cref="DateWindow"/> for what happens without one.</param>
/// <param name="SubmittedOn">The day the application was handed in (for the advance-notice rule).</param>
/// <param name="UsesSpecialApproval">The family claims the month's extra-visit approval for this visit.</param>
/// <param name="FamilyNoShows">The days of the visits to this inmate that these visitors were booked for and did not
/// come to (<see cref="NoShowSuspensionRule"/>); null where the caller has no register to ask.</param>
public sealed record VisitRequest(
    VisitMonth Month,
    DateOnly? VisitDate,
    DateOnly SubmittedOn,
    IReadOnlyList<Visitor> Visitors,
    bool UsesSpecialApproval,
    IReadOnlyList<DateOnly>? FamilyNoShows = null);
