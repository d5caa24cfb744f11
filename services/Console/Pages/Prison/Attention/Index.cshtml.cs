using System.Globalization;
using Visitation.Console.Calls;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.VisitCentre.Attention;

/// <summary>
/// What changed circumstances touched: the booked visits a status, a departure, a barred visitor, a
/// closure or a reference-data change cancelled (scheduling's ListAffectedVisits, each with its re-offer),
/// the prison's closures in force, and the proposals that need a look before confirming — a re-offer or
/// fallback that misses the family's wishes, or a hold about to lapse.
/// </summary>
public sealed class IndexModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    /// <summary>ListClosures reads at most 92 days at once.</summary>
    private const int ClosureDays = 92;

    private static readonly TimeSpan LapsingWithin = TimeSpan.FromHours(24);

    public IReadOnlyList<ClosureView> Closures { get; private set; } = [];

    public IReadOnlyList<AffectedVisit> Affected { get; private set; } = [];

    public IReadOnlyList<(VisitView Visit, string Why)> Proposals { get; private set; } = [];

    public ReferenceDataSet Reference => reference;

    public async Task OnGetAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await TryCallAsync(async cancel =>
        {
            var scheduling = await services.SchedulingAsync();
            var closures = await scheduling.ListClosuresAsync(new ListClosuresRequest { DateFrom = Day(today), DateTo = Day(today.AddDays(ClosureDays)) }, cancellationToken: cancel);
            var affected = await scheduling.ListAffectedVisitsAsync(new ListAffectedVisitsRequest { DateFrom = Day(today), DateTo = Day(today.AddDays(ClosureDays)) }, cancellationToken: cancel);
            Affected = affected.Visits;
            Closures = [.. closures.Closures.Where(c => string.IsNullOrEmpty(c.ReopenedBy)).OrderBy(c => c.Date)];
            var proposals = await scheduling.ListProposalsAsync(new ListProposalsRequest { Page = new PageRequest { PageSize = 200 } }, cancellationToken: cancel);
            var now = clock.GetUtcNow();
            Proposals = [.. proposals.Visits.Select(v => (Visit: v, Why: Why(v, now))).Where(p => p.Why.Length > 0)];
        });
    }

    private static string Why(VisitView visit, DateTimeOffset now)
    {
        var reasons = new List<string>();
        if (!visit.MatchesPreference && (visit.PreferredDates.Count > 0 || visit.PreferredPartOfDay != PartOfDay.Unspecified))
        {
            reasons.Add("未能满足家属的意向日期或时段");
        }

        if (visit.HoldExpiresAt is not null && visit.HoldExpiresAt.ToDateTimeOffset() - now < LapsingWithin)
        {
            reasons.Add("保留即将到期");
        }

        return string.Join("；", reasons);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
