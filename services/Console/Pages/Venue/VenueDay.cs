using System.Globalization;
using Visitation.Console.Calls;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Console.Pages.VenueStaff;

/// <summary>
/// The day the venue's pages show: the one asked for (yyyy-MM-dd), or today by the console's clock
/// (China time; the training clock where one is set); and its visits, read once from the agenda —
/// a read of personal data the scheduling service audits (AgendaRead).
/// </summary>
public static class VenueDay
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static DateOnly Pick(string? asked, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.TryParseExact(asked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(China).DateTime);
    }

    public static string Wire(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<IReadOnlyList<VisitView>> VisitsAsync(ServiceClients services, DateOnly day, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(services);
        var scheduling = await services.SchedulingAsync();
        var agenda = await scheduling.GetVenueAgendaAsync(new GetVenueAgendaRequest { DateFrom = Wire(day), DateTo = Wire(day) }, cancellationToken: cancel);
        return agenda.Visits;
    }
}
