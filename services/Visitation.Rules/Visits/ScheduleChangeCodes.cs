namespace Visitation.Rules.Visits;

/// <summary>
/// The reason codes of a booked visit taken away by the venue's or the prison's arrangements, not by
/// anything the family did. One definition here, so the services that record them and the SMS that
/// explains them (<see cref="Sms.SmsReasons"/>) cannot drift apart.
/// </summary>
public static class ScheduleChangeCodes
{
    /// <summary>The venue or the prison closed the whole day.</summary>
    public const string DayCancelled = "DAY_CANCELLED";

    /// <summary>Staff cancelled this one visit.</summary>
    public const string VisitCancelled = "VISIT_CANCELLED";

    /// <summary>New reference data or policy left the booked slot outside the days and hours it allows.</summary>
    public const string ScheduleChanged = "SCHEDULE_CHANGED";

    /// <summary>The inmate moved to another area of the prison, whose video days do not include the booked day.</summary>
    public const string AreaChanged = "AREA_CHANGED";
}
