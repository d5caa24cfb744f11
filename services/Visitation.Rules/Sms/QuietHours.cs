namespace Visitation.Rules.Sms;

/// <summary>
/// No SMS a family can wait for between <see cref="From"/> and <see cref="Until"/> China time: it is
/// held until the morning. What cannot wait goes out at once — a cancellation or a change to a visit
/// due today or tomorrow, which the family must hear of before they set off.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until)
{
    /// <summary>China Standard Time: one offset all year, no daylight saving.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static QuietHours Default { get; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    /// <summary>When the SMS may go out: <paramref name="now"/> itself, or the end of tonight's quiet hours.</summary>
    public DateTimeOffset EarliestSend(SmsKind kind, DateTimeOffset? visitStartsAt, DateTimeOffset now)
    {
        var local = now.ToOffset(ChinaOffset);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!IsQuiet(time) || IsUrgent(kind, visitStartsAt, local))
        {
            return now;
        }

        var morning = DateOnly.FromDateTime(local.DateTime);
        if (time >= From && From > Until)
        {
            morning = morning.AddDays(1); // the evening side of a night that crosses midnight
        }

        return new DateTimeOffset(morning.ToDateTime(Until), ChinaOffset);
    }

    private bool IsQuiet(TimeOnly time) =>
        From > Until ? time >= From || time < Until : time >= From && time < Until;

    /// <summary>A visit called off, moved or confirmed for today or tomorrow: by the morning may be too late.</summary>
    private static bool IsUrgent(SmsKind kind, DateTimeOffset? visitStartsAt, DateTimeOffset localNow) =>
        kind is SmsKind.Cancelled or SmsKind.CancelledReoffered or SmsKind.NotArranged or SmsKind.Scheduled
        && visitStartsAt is { } start
        && DateOnly.FromDateTime(start.ToOffset(ChinaOffset).DateTime) <= DateOnly.FromDateTime(localNow.DateTime).AddDays(1);
}
