using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Grpc;

/// <summary>The date range of an agenda or closure list: both ends given, in order, at most a quarter apart.</summary>
public static class DateRanges
{
    private const int MaxDays = 92;

    public static (DateOnly From, DateOnly To) Parse(string dateFrom, string dateTo)
    {
        var violations = new FieldViolations();
        var from = violations.Date("date_from", dateFrom);
        var to = violations.Date("date_to", dateTo);
        if (from is not null && to is not null && (to < from || to.Value.DayNumber - from.Value.DayNumber > MaxDays))
        {
            violations.Add("date_to", "日期范围应在92天以内且不早于开始日期");
        }

        violations.ThrowIfAny();
        return (from!.Value, to!.Value);
    }
}
