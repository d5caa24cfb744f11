using System.Globalization;
using Visitation.Rules.Calendars;

namespace Visitation.Workflow.Retention;

/// <summary>
/// The instant before which an application must have closed for its personal data to go: now less
/// <see cref="RetentionOptions.AnonymiseAfter"/>, on the service's clock.
/// </summary>
public sealed record RetentionCutoff(DateTimeOffset Instant)
{
    /// <summary>The cutoff's day in China time.</summary>
    public DateOnly Day => DateOnly.FromDateTime(Instant.ToOffset(ChinaTime.Offset).DateTime);

    /// <summary>
    /// The first day of the latest visit month that had ended by the cutoff: a month starting on or
    /// before it ended (its last day past) no later than <see cref="Day"/>.
    /// </summary>
    public DateOnly LatestEndedMonthStart => Day.AddMonths(-1);

    /// <summary><see cref="LatestEndedMonthStart"/> as a visit month (<c>yyyy-MM</c>), for services that store the month as text.</summary>
    public string LatestEndedMonth => LatestEndedMonthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
