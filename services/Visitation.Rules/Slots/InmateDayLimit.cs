namespace Visitation.Rules.Slots;

/// <summary>
/// At most the policy's number of video visits for one inmate on one day (<c>videoVisitsPerInmatePerDay</c>,
/// 1 in both shipped policies: a policy choice, the documents are silent). A lenient-level inmate's two
/// visits of a month ([Y 三1]) or a juvenile's ([N§5 ¶2]) then go on two of the area's video days, not
/// back to back on one (issue 14).
/// </summary>
public static class InmateDayLimit
{
    /// <summary>
    /// The candidate days, in their order, less those on which the inmate already has
    /// <paramref name="perDay"/> visits that hold their place (<paramref name="inmateVisitDays"/>: one entry per visit).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="perDay"/> is below 1: a policy that allows no visit on any day is bad data.</exception>
    public static IReadOnlyList<DateOnly> DaysWithRoom(IEnumerable<DateOnly> candidateDays, IEnumerable<DateOnly> inmateVisitDays, int perDay)
    {
        ArgumentNullException.ThrowIfNull(candidateDays);
        ArgumentNullException.ThrowIfNull(inmateVisitDays);
        ArgumentOutOfRangeException.ThrowIfLessThan(perDay, 1);
        var taken = inmateVisitDays.CountBy(day => day).ToDictionary(pair => pair.Key, pair => pair.Value);
        return [.. candidateDays.Where(day => taken.GetValueOrDefault(day) < perDay)];
    }
}
