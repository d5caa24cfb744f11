namespace Visitation.Rules.Eligibility;

/// <summary>
/// The days a request may take place on, both ends inclusive: the visit day itself when it is known,
/// otherwise the whole month.
/// </summary>
/// <remarks>
/// Without a day we block on a suspension touching any day of the month. That is the cautious
/// reading: the family cannot be promised a day the prison has not fixed yet. Once the prison
/// confirms the final day the request is evaluated again with it, and a suspension that ended the
/// day before that day no longer blocks it.
/// </remarks>
public sealed record DateWindow(DateOnly From, DateOnly To)
{
    public static DateWindow Of(VisitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.VisitDate is { } day
            ? new DateWindow(day, day)
            : new DateWindow(request.Month.FirstDay, request.Month.LastDay);
    }

    public bool Contains(DateOnly day) => day >= From && day <= To;
}
