namespace Visitation.Rules.Eligibility;

/// <summary>The inmate's visits and special approvals the quota is measured against.</summary>
public sealed record QuotaLedger(IReadOnlyList<CountedVisit> Visits, IReadOnlyList<SpecialApproval> Approvals)
{
    public static QuotaLedger Empty { get; } = new([], []);
}
