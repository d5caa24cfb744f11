using Visitation.Rules.Calendars;
using Visitation.Rules.Policies;
using Visitation.Rules.ReferenceData;

namespace Visitation.Rules.Reviewing;

/// <summary>
/// The review clock while an application is away for more material (退回补正): the stage's deadline
/// pauses and the office gets its own time to hand the material in. The stage keeps the working days
/// it had left after the day it sent the application back, and counts them again from the day after
/// the material came back — the clock counts from the day after receipt in the same way — so the
/// days the family spent fetching papers are never the stage's. A stage gets at least one working day
/// back (a policy choice: a stage that sent back on its last day still has a day to read the material).
/// </summary>
public static class SendBackClock
{
    /// <summary>
    /// The policy's key (in <c>reviewDeadlineWorkingDays</c>) for the working days the office has to
    /// hand the material in; past them the application lapses (policy choice).
    /// </summary>
    public const string Resubmission = "material_resubmission";

    /// <summary>The least a resumed stage gets.</summary>
    public const int MinimumDaysLeft = 1;

    /// <summary>When the office's time to hand the material in ends: the stage's clock, keyed <see cref="Resubmission"/>.</summary>
    public static DateTimeOffset ResubmitBy(ReferenceDataSet reference, VisitPolicy policy, DateTimeOffset sentBackAt) =>
        ReviewClock.DueBy(reference, policy, Resubmission, sentBackAt);

    /// <summary>
    /// The stage's working days still unused when it sent the application back at <paramref name="sentBackAt"/>:
    /// those after that day up to the deadline's last day (the deadline is that day's end).
    /// </summary>
    public static int WorkingDaysLeft(ReferenceDataSet reference, DateTimeOffset dueBy, DateTimeOffset sentBackAt)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var holidays = reference.HolidayCalendars();
        var lastDay = DayOf(dueBy).AddDays(-1);
        var left = 0;
        for (var day = DayOf(sentBackAt).AddDays(1); day <= lastDay; day = day.AddDays(1))
        {
            if (WorkingDays.IsWorkingDay(day, holidays))
            {
                left++;
            }
        }

        return left;
    }

    /// <summary>The stage's new deadline once the material is back: its days left, counted from the day after <paramref name="resumedAt"/>.</summary>
    public static DateTimeOffset Resumed(ReferenceDataSet reference, int workingDaysLeft, DateTimeOffset resumedAt)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var lastDay = WorkingDays.After(DayOf(resumedAt), Math.Max(workingDaysLeft, MinimumDaysLeft), reference.HolidayCalendars());
        return new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime);
}
