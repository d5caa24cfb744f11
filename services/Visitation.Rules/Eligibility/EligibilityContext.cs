using Visitation.Rules.Policies;

namespace Visitation.Rules.Eligibility;

/// <summary>Everything a rule may look at; built once per evaluation.</summary>
public sealed record EligibilityContext(VisitPolicy Policy, InmateState Inmate, QuotaLedger Ledger, VisitRequest Request)
{
    /// <summary>The days the request may fall on (see <see cref="DateWindow"/>).</summary>
    public DateWindow Window => DateWindow.Of(Request);
}
