using Visitation.Rules.Calendars;
using Visitation.Rules.Policies;
using Visitation.Rules.ReferenceData;

namespace Visitation.Rules.Reviewing;

/// <summary>
/// When a reviewing stage's time is up: the end (midnight, China time) of the N-th working day after
/// the application reached it, N from the policy's <c>reviewDeadlineWorkingDays</c> for the stage.
/// </summary>
public static class ReviewClock
{
    public const string CountyBureau = "county_bureau";
    public const string Prison = "prison";

    /// <summary>Who an expiry is recorded as decided by.</summary>
    public const string Actor = "system:review-clock";

    public static DateTimeOffset DueBy(ReferenceDataSet reference, VisitPolicy policy, string stage, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(policy);
        var days = policy.ReviewDeadlineWorkingDays.TryGetValue(stage, out var configured)
            ? configured
            : throw new KeyNotFoundException($"Policy {policy.ProvinceId} has no review deadline for '{stage}'.");
        var received = DateOnly.FromDateTime(receivedAt.ToOffset(ChinaTime.Offset).DateTime);
        var lastDay = WorkingDays.After(received, days, reference.HolidayCalendars());
        return new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
    }
}
