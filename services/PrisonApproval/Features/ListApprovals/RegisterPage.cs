using Microsoft.EntityFrameworkCore;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;

namespace Visitation.PrisonApproval.Features.ListApprovals;

/// <summary>
/// The register's side of one page of the queue, read in two queries whatever the page's size:
/// every inmate the page's applications could mean (with their statuses, which the verdicts need),
/// and the relatives register's entries for those inmates and the page's visitors. Each task then
/// takes its own part in memory, by the same matching the decision uses.
/// </summary>
internal sealed class RegisterPage
{
    private readonly List<Inmate> _candidates;
    private readonly ILookup<Guid, Relative> _relatives;

    private RegisterPage(List<Inmate> candidates, ILookup<Guid, Relative> relatives) =>
        (_candidates, _relatives) = (candidates, relatives);

    public static async Task<RegisterPage> ReadAsync(PrisonApprovalDbContext db, IReadOnlyCollection<Approval> approvals, CancellationToken ct)
    {
        var prisons = approvals.Select(a => a.PrisonId).Distinct().ToList();
        var names = approvals.Select(a => a.Application.InmateName).Distinct().ToList();
        var candidates = await db.Inmates.AsNoTracking().Include(i => i.Statuses)
            .Where(i => prisons.Contains(i.PrisonId) && names.Contains(i.Name))
            .ToListAsync(ct);
        var page = new RegisterPage(candidates, Array.Empty<Relative>().ToLookup(r => r.InmateId));
        var matched = approvals.Select(page.SoleMatch).OfType<Inmate>().Select(i => i.Id).Distinct().ToList();
        var keys = approvals.SelectMany(a => a.Application.Visitors.Select(v => v.VisitorKey)).Distinct().ToList();
        if (matched.Count == 0 || keys.Count == 0)
        {
            return page;
        }

        var relatives = await db.Relatives.AsNoTracking()
            .Where(r => matched.Contains(r.InmateId) && keys.Contains(r.VisitorKey))
            .ToListAsync(ct);
        return new RegisterPage(candidates, relatives.ToLookup(r => r.InmateId));
    }

    /// <summary>The one register entry the application can mean; none when the register has none or several.</summary>
    public Inmate? SoleMatch(Approval approval)
    {
        var matches = _candidates.Where(i => i.PrisonId == approval.PrisonId && InmateMatching.Fits(i, approval.Application)).Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>The relation the relatives register holds for each of the application's visitors it knows, by visitor key.</summary>
    public IReadOnlyDictionary<string, string> RelationsOf(Inmate? inmate, Approval approval)
    {
        if (inmate is null)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var keys = approval.Application.Visitors.Select(v => v.VisitorKey).ToHashSet(StringComparer.Ordinal);
        return _relatives[inmate.Id].Where(r => keys.Contains(r.VisitorKey)).ToDictionary(r => r.VisitorKey, r => r.Relation, StringComparer.Ordinal);
    }
}
