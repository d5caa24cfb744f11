using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;

namespace Visitation.PrisonApproval.Features.Decide;

/// <summary>
/// The register entries that fit the inmate as the family described them: name, and area when given.
/// The rule is written twice, side by side, on purpose: as a query for the database and as a test of
/// one loaded entry. Running the query form over a list instead (<c>AsQueryable()</c>) compiled its
/// expression tree on every call, which the benchmark's profile found among the queue's hottest code.
/// </summary>
public static class InmateMatching
{
    public static IQueryable<Inmate> Candidates(IQueryable<Inmate> inPrison, ApplicationDetails application)
    {
        var query = inPrison.Where(i => i.Name == application.InmateName);
        return application.PrisonArea is { Length: > 0 } area ? query.Where(i => i.Area == area) : query;
    }

    /// <summary>Whether one loaded entry fits, by the same rule as <see cref="Candidates"/>.</summary>
    public static bool Fits(Inmate inmate, ApplicationDetails application) =>
        inmate.Name == application.InmateName && (application.PrisonArea is not { Length: > 0 } area || inmate.Area == area);
}
