using Microsoft.EntityFrameworkCore;
using Visitation.PrisonApproval.Data;
using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Features.Eligibility;

/// <summary>
/// The prison's records the rules judge some inmates by, read in a fixed number of queries however
/// many inmates there are — one decision's inmate, or a whole page of the queue: their quota entries
/// (the asked months', the booked video days to come, the no-shows), the months' special approvals,
/// their relatives, and the bars of the visitors asked about. Every answer after the read is in memory.
/// </summary>
public sealed class InmateRecords
{
    private readonly ILookup<Guid, QuotaEntry> _entries;
    private readonly ILookup<Guid, SpecialApprovalRecord> _approvals;
    private readonly ILookup<Guid, Relative> _relatives;
    private readonly ILookup<(string Prison, string Key), VisitorBar> _bars;
    private readonly Dictionary<Guid, Approval> _noShowApplications;

    private InmateRecords(
        List<QuotaEntry> entries, List<SpecialApprovalRecord> approvals, List<Relative> relatives,
        ILookup<(string Prison, string Key), VisitorBar> bars, Dictionary<Guid, Approval> noShowApplications)
    {
        _entries = entries.ToLookup(e => e.InmateId);
        _approvals = approvals.ToLookup(a => a.InmateId);
        _relatives = relatives.ToLookup(r => r.InmateId);
        _bars = bars;
        _noShowApplications = noShowApplications;
    }

    /// <param name="months">The months whose ledgers are asked for.</param>
    /// <param name="after">The day after which booked video days count towards a full day (today, China time).</param>
    /// <param name="visitorKeys">The visitors whose bars are asked for; none reads no bars.</param>
    /// <param name="noShows">Whether the family's no-shows are wanted (a prison's policy counts them and visitors are asked about): only then are they read.</param>
    public static async Task<InmateRecords> ReadAsync(
        PrisonApprovalDbContext db, IReadOnlyCollection<Inmate> inmates, IReadOnlyCollection<VisitMonth> months,
        DateOnly after, IReadOnlyCollection<string> visitorKeys, bool noShows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inmates);
        ArgumentNullException.ThrowIfNull(months);
        var ids = inmates.Select(i => i.Id).Distinct().ToList();
        var monthKeys = months.Select(m => m.Key).Distinct().ToList();
        var entries = await db.QuotaEntries.AsNoTracking()
            .Where(e => ids.Contains(e.InmateId)
                        && (monthKeys.Contains(e.Month)
                            || (e.Mode == CountedVisit.Video && e.Outcome == CountedVisit.Booked && (e.Date ?? e.ProposedOn) > after)
                            || (noShows && e.Outcome == CountedVisit.NoShow && e.ApplicationId != null && e.Date != null)))
            .ToListAsync(ct);
        var approvals = await db.SpecialApprovals.AsNoTracking()
            .Where(a => ids.Contains(a.InmateId) && monthKeys.Contains(a.Month))
            .ToListAsync(ct);
        var relatives = await db.Relatives.AsNoTracking().Where(r => ids.Contains(r.InmateId)).ToListAsync(ct);
        var bars = await BarsAsync(db, [.. inmates.Select(i => i.PrisonId).Distinct()], visitorKeys, ct);
        // Only where a no-show counts: a month's entries may hold no-shows the policy ignores.
        var noShowIds = noShows
            ? entries.Where(e => e.Outcome == CountedVisit.NoShow && e.ApplicationId != null).Select(e => e.ApplicationId!.Value).Distinct().ToList()
            : [];
        var noShowApplications = noShowIds.Count == 0
            ? []
            : await db.Approvals.AsNoTracking().Where(a => noShowIds.Contains(a.ApplicationId)).ToDictionaryAsync(a => a.ApplicationId, ct);
        return new InmateRecords(entries, approvals, relatives, bars, noShowApplications);
    }

    /// <summary>The prison's bars of each visitor, by prison and visitor key (docs/data-minimisation.md).</summary>
    private static async Task<ILookup<(string Prison, string Key), VisitorBar>> BarsAsync(
        PrisonApprovalDbContext db, IReadOnlyCollection<string> prisons, IReadOnlyCollection<string> visitorKeys, CancellationToken ct)
    {
        var keys = visitorKeys.Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return Array.Empty<VisitorBar>().ToLookup(_ => (string.Empty, string.Empty));
        }

        // Whole rows, not a projection: the reason is sealed, opened only when a row is loaded.
        var rows = new List<(string Prison, string Key, BarredVisitor Row)>();
        foreach (var prison in prisons)
        {
            var found = await db.BarsOf(prison, keys).AsNoTracking()
                .Select(b => new { Key = EF.Property<string>(b, PrisonApprovalDbContext.VisitorKeyOfBar), Row = b })
                .ToListAsync(ct);
            rows.AddRange(found.Select(b => (prison, b.Key, b.Row)));
        }

        return rows.ToLookup(b => (b.Prison, b.Key), b => new VisitorBar(b.Row.From, b.Row.To, b.Row.Reason));
    }

    /// <summary>The month's counted visits and special approvals of the inmate.</summary>
    public QuotaLedger Ledger(Guid inmateId, VisitMonth month) => LedgerOf(Entries(inmateId, month), SpecialApprovals(inmateId, month), month);

    /// <summary>A month's ledger as the rules read it, from its quota entries and special approvals.</summary>
    public static QuotaLedger LedgerOf(IEnumerable<QuotaEntry> entries, IEnumerable<SpecialApprovalRecord> approvals, VisitMonth month)
    {
        ArgumentNullException.ThrowIfNull(month);
        return new QuotaLedger(
            [.. entries.Select(e => new CountedVisit(e.Date ?? month.FirstDay, e.Mode, e.Outcome))],
            [.. approvals.Select(a => new SpecialApproval(a.Kind, month, a.ApprovedBy))]);
    }

    /// <summary>The month's quota entries of the inmate, in the order they were recorded.</summary>
    public IEnumerable<QuotaEntry> Entries(Guid inmateId, VisitMonth month) =>
        _entries[inmateId].Where(e => e.Month == month.Key).OrderBy(e => e.RecordedAt);

    public IEnumerable<SpecialApprovalRecord> SpecialApprovals(Guid inmateId, VisitMonth month) =>
        _approvals[inmateId].Where(a => a.Month == month.Key);

    /// <summary>The inmate's relatives register, in the order the entries were confirmed.</summary>
    public IEnumerable<Relative> Relatives(Guid inmateId) => _relatives[inmateId].OrderBy(r => r.ConfirmedAt);

    /// <summary>The relation the register holds for each of these visitors it knows, by visitor key.</summary>
    public Dictionary<string, string> RegisteredRelations(Guid inmateId, IEnumerable<string> visitorKeys)
    {
        var keys = visitorKeys.ToHashSet(StringComparer.Ordinal);
        return _relatives[inmateId].Where(r => keys.Contains(r.VisitorKey)).ToDictionary(r => r.VisitorKey, r => r.Relation, StringComparer.Ordinal);
    }

    /// <summary>The prison's bars of one visitor; a key not asked about when reading has none.</summary>
    public IReadOnlyList<VisitorBar> Bars(string prisonId, string visitorKey) => [.. _bars[(prisonId, visitorKey)]];

    /// <summary>The days after the read's day on which the inmate has booked video visits (confirmed, or proposed and not yet confirmed), one per visit.</summary>
    public IReadOnlyList<DateOnly> BookedVideoDays(Guid inmateId, DateOnly after) =>
        [.. _entries[inmateId]
            .Where(e => e.Mode == CountedVisit.Video && e.Outcome == CountedVisit.Booked)
            .Select(e => e.Date ?? e.ProposedOn)
            .OfType<DateOnly>()
            .Where(day => day > after)];

    /// <summary>
    /// The days of the inmate's visits that any of these visitors was booked for and nobody came to. A
    /// visitor the visit centre removed from an application was not booked, so its no-show is not theirs.
    /// Empty unless the read was asked for no-shows.
    /// </summary>
    public IReadOnlyList<DateOnly> FamilyNoShows(Guid inmateId, IReadOnlyCollection<string> visitorKeys) =>
        [.. _entries[inmateId]
            .Where(e => e.Outcome == CountedVisit.NoShow && e.ApplicationId is not null && e.Date is not null)
            .Where(e => _noShowApplications.TryGetValue(e.ApplicationId!.Value, out var approval) && Booked(approval, visitorKeys))
            .Select(e => e.Date!.Value)];

    private static bool Booked(Approval approval, IReadOnlyCollection<string> visitorKeys) =>
        approval.Application.Visitors
            .Where((v, index) => !approval.RemovedVisitors.Any(r => r.VisitorIndex == (v.Position ?? index)))
            .Any(v => visitorKeys.Contains(v.VisitorKey));
}
