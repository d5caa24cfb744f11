using System.Globalization;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Calendars;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Features.ListVisitDays;

/// <summary>
/// An area's video visit days in a month, the days excluded with the reason, and its on-site day:
/// anyone may read them, before applying.
/// </summary>
public sealed class ListVisitDaysHandler(PrisonCalendars calendars)
{
    public ListVisitDaysReply Handle(ListVisitDaysRequest request)
    {
        var violations = new FieldViolations();
        var area = calendars.Area(request.PrisonId, request.PrisonArea);
        if (area is null)
        {
            violations.Add("prison_area", "未知的监狱或监区");
        }

        var month = violations.Month("month", request.Month);
        violations.ThrowIfAny();
        var (year, number) = (month!.Value.Year, month.Value.Month);
        var reply = new ListVisitDaysReply { HolidaysPublished = calendars.HolidaysPublished(year) };
        foreach (var day in calendars.VideoDays(area!, year, number))
        {
            var date = WireDates.Day(day.Date);
            if (day.Open)
            {
                reply.VideoDays.Add(date);
            }
            else
            {
                reply.Excluded.Add(new ExcludedDay { Date = date, Reason = day.ExcludedReason ?? string.Empty });
            }
        }

        if (calendars.OnSiteDay(request.PrisonId, request.PrisonArea, year, number) is { } onSite)
        {
            reply.OnsiteDays.Add(WireDates.Day(onSite));
        }

        return reply;
    }

}
