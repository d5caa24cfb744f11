using Visitation.Rules.Eligibility;
using Visitation.Rules.Policies;

namespace Visitation.PrisonApproval.Features.CheckEligibility;

/// <summary>A counter's question as validated: which inmate as the family names them, and the family's request in the rules' terms.</summary>
/// <param name="IdNumbers">The visitors' ID numbers, as the bars are keyed, in the order of <see cref="VisitRequest.Visitors"/>.</param>
/// <param name="Purpose">The purpose's code, e.g. "counter_application": recorded with the question.</param>
public sealed record EligibilityQuestion(
    string PrisonId,
    string InmateNumber,
    string InmateName,
    VisitPolicy Policy,
    VisitRequest Request,
    IReadOnlyList<string> IdNumbers,
    string Purpose);
