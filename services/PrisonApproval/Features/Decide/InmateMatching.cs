using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;

namespace Visitation.PrisonApproval.Features.Decide;

/// <summary>The register entries that fit the inmate as the family described them: name, and area when given.</summary>
public static class InmateMatching
{
    public static IQueryable<Inmate> Candidates(IQueryable<Inmate> inPrison, ApplicationDetails application)
    {
        var query = inPrison.Where(i => i.Name == application.InmateName);
        return application.PrisonArea is { Length: > 0 } area ? query.Where(i => i.Area == area) : query;
    }
}
