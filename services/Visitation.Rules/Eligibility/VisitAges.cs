namespace Visitation.Rules.Eligibility;

/// <summary>
/// The age limits (children not counted: [Y 四1] under 14, [N§5] under 12; a guardian with children under 14:
/// [Y 五(四)]) are judged on the visit day, not on the day the application is made (issue 14): a child who turns
/// 12 between the submission and a Ningxia visit is counted on the day.
/// </summary>
/// <remarks>
/// Until the prison fixes the day the request spans a window (<see cref="DateWindow"/>: the whole month), and
/// each limit takes the reading that cannot be wrong on any day of it, as the suspensions do: a child is left
/// uncounted only when under the age on the window's last day, and needs a guardian when under the age on its
/// first day. A family so refused at the counter for a child whose birthday falls in the month can ask for the
/// next month (or bring the guardian); the alternative, accepting and counting the child on the day, would turn a
/// family away at the venue.
/// </remarks>
public static class VisitAges
{
    /// <summary>Whether the visitor counts towards the visit's number on some day of the window.</summary>
    public static bool Counted(Visitor visitor, DateWindow window, int notCountedUnderAge)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(window);
        return visitor.AgeOn(window.To) >= notCountedUnderAge;
    }

    /// <summary>Whether the visitor is a child needing their guardian on some day of the window.</summary>
    public static bool NeedsGuardian(Visitor visitor, DateWindow window, int guardianRequiredUnderAge)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(window);
        return visitor.AgeOn(window.From) < guardianRequiredUnderAge;
    }

    /// <summary>Whether the visitor is an adult on every day of the window (a guardian who is one).</summary>
    public static bool AdultThroughout(Visitor visitor, DateWindow window)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentNullException.ThrowIfNull(window);
        return visitor.AgeOn(window.From) >= Visitor.AdultAge;
    }
}
