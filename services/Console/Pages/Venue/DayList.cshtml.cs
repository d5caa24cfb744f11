using Visitation.Console.Calls;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Console.Vocabulary;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.VenueStaff;

/// <summary>
/// The day list the door keeps on paper: each visit's time and terminals, the booked visitors with
/// masked numbers, relation and age (minors bring the household register), and a column to tick.
/// Read from the venue agenda, which the scheduling service audits as a read of personal data.
/// </summary>
public sealed class DayListModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    public DateOnly Day { get; private set; }

    public IReadOnlyList<VisitView> Visits { get; private set; } = [];

    public ReferenceDataSet Reference => reference;

    public string VenueName => reference.NameOf(Organisation);

    public async Task OnGetAsync(string? day)
    {
        Day = VenueDay.Pick(day, clock);
        await TryCallAsync(async cancel => Visits = await VenueDay.VisitsAsync(services, Day, cancel));
    }
}
