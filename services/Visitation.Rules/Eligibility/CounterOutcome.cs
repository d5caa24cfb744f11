namespace Visitation.Rules.Eligibility;

/// <summary>The three things a judicial-office clerk or a bureau reviewer may be told about a family's chances.</summary>
public enum CounterOutcome
{
    /// <summary>The family may apply: neither the office's checks nor the prison's records stand in the way.</summary>
    Eligible,

    /// <summary>The family as it stands may not: the visitors break rules the counter can see and fix (relation, count, guardian, documents).</summary>
    VisitorsIneligible,

    /// <summary>Anything else, an inmate the register does not know as given included: one neutral answer.</summary>
    ContactPrison,
}
