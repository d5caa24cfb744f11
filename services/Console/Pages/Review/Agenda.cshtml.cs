using System.Globalization;
using Visitation.Console.Calls;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Review;

/// <summary>
/// The county's venues' booked visits for a day or a week (Monday to Sunday), by day, time and terminal:
/// the scheduling service's agenda, which gives a bureau's reviewer every venue of the county.
/// </summary>
public sealed class AgendaModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // Spelled out rather than taken from the zh-CN culture: the same words whatever ICU data the server has.
    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public bool Week { get; private set; }

    /// <summary>The days shown, each with its visits (a day without any still shows, saying so).</summary>
    public IReadOnlyList<(DateOnly Day, IReadOnlyList<VisitView> Visits)> Days { get; private set; } = [];

    public ReferenceDataSet Reference => reference;

    /// <summary>The agenda of <paramref name="date"/> (today when absent or unreadable), or of its week.</summary>
    public async Task OnGetAsync(string? date, bool week)
    {
        var day = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
            ? asked
            : DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(China).DateTime);
        Week = week;
        From = week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        To = week ? From.AddDays(6) : day;
        await TryCallAsync(async cancel =>
        {
            var scheduling = await services.SchedulingAsync();
            var reply = await scheduling.GetVenueAgendaAsync(new GetVenueAgendaRequest { DateFrom = Iso(From), DateTo = Iso(To) }, cancellationToken: cancel);
            var byDay = reply.Visits.ToLookup(v => v.Date);
            Days = [.. Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(n => From.AddDays(n))
                .Select(d => (d, (IReadOnlyList<VisitView>)[.. byDay[Iso(d)].OrderBy(v => v.StartTime, StringComparer.Ordinal).ThenBy(v => v.VenueId, StringComparer.Ordinal).ThenBy(v => v.VenueTerminal, StringComparer.Ordinal)]))];
        });
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2026年3月2日 星期一".</summary>
    public static string Heading(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Year}年{day.Month}月{day.Day}日 {Weekdays[(int)day.DayOfWeek]}");

    /// <summary>The address of the same view moved by <paramref name="steps"/> days or weeks.</summary>
    public string Link(int steps, bool? week = null)
    {
        var asWeek = week ?? Week;
        var day = From.AddDays(week is null ? steps * (Week ? 7 : 1) : 0);
        return $"/Review/Agenda?date={Iso(day)}" + (asWeek ? "&week=true" : string.Empty);
    }

    public static string StatusName(VisitStatus status) => status switch
    {
        VisitStatus.Scheduled => "已排期",
        VisitStatus.CheckedIn => "已签到",
        VisitStatus.InProgress => "会见中",
        VisitStatus.Interrupted => "中断",
        VisitStatus.Completed => "已完成",
        VisitStatus.NoShow => "家属未到",
        VisitStatus.Terminated => "被中止",
        _ => "其他",
    };
}
