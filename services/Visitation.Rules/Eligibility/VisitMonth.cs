namespace Visitation.Rules.Eligibility;

/// <summary>A calendar month: the unit of the visit quota ("每月...一次").</summary>
public sealed record VisitMonth(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public bool Contains(DateOnly day) => day.Year == Year && day.Month == Month;

    public static VisitMonth Of(DateOnly day) => new(day.Year, day.Month);
}
