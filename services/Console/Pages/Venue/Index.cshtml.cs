using Visitation.Console.Calls;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.VenueStaff;

/// <summary>The venue's visits of a day (today unless another is picked), by time and terminal, each with its state.</summary>
public sealed class IndexModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    public DateOnly Day { get; private set; }

    public IReadOnlyList<VisitView> Visits { get; private set; } = [];

    public ReferenceDataSet Reference => reference;

    public int Count(params VisitStatus[] statuses) => Visits.Count(v => statuses.Contains(v.Status));

    public async Task OnGetAsync(string? day)
    {
        Day = VenueDay.Pick(day, clock);
        await TryCallAsync(async cancel => Visits = await VenueDay.VisitsAsync(services, Day, cancel));
    }
}
