using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.InFlight;
using Visitation.Rules.Eligibility;
using Visitation.Rules.Policies;

namespace Visitation.PrisonApproval.Features.ImportInmates;

/// <summary>
/// One imported record written over the register's inmate. The statuses the prison's system holds
/// are replaced; what newly stops visits (a new status, a move into a suspended management level)
/// is returned, so the import can reach the work in flight.
/// </summary>
public static class RegisterUpdate
{
    public static List<Stop> Apply(Inmate inmate, ImportedInmate record, bool isNew, VisitPolicy policy, string setBy, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(inmate);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(policy);
        var wasSuspendedLevel = policy.SuspendedLevels.Contains(inmate.ManagementLevel);
        inmate.Name = record.Name;
        inmate.Area = record.Area;
        inmate.ManagementLevel = record.ManagementLevel;
        inmate.Juvenile = record.Juvenile;
        inmate.CrimeCategories = [.. record.CrimeCategories];
        inmate.UpdatedAt = now;
        var stops = ReplaceImportedStatuses(inmate, record.Statuses, setBy, now)
            .Select(added => Stop.ForStatus(added, today, setBy, now))
            .OfType<Stop>()
            .ToList();
        if (!isNew && !wasSuspendedLevel && policy.SuspendedLevels.Contains(inmate.ManagementLevel))
        {
            stops.Add(new Stop(today, null, RuleCodes.ManagementLevelSuspended, "罪犯被列为严管级，暂停会见。", setBy, now));
        }

        return stops;
    }

    /// <summary>Replaces the register-sourced statuses; returns those that were not there before.</summary>
    private static List<StatusPeriod> ReplaceImportedStatuses(Inmate inmate, IReadOnlyList<StatusPeriod> imported, string setBy, DateTimeOffset now)
    {
        var previous = inmate.Statuses.Where(s => s.Source == StatusSource.Register).ToList();
        var added = imported.Where(i => !previous.Any(p => p.Kind == i.Kind && p.From == i.From && p.To == i.To)).ToList();
        foreach (var gone in previous.Where(p => !imported.Any(i => p.Kind == i.Kind && p.From == i.From && p.To == i.To)))
        {
            inmate.Statuses.Remove(gone);
        }

        foreach (var status in added)
        {
            inmate.AddStatus(status, StatusSource.Register, setBy, now);
        }

        return added;
    }
}
