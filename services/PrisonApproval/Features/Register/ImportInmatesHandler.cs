using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.InFlight;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.ReferenceData;
using Visitation.Rules.Calendars;

namespace Visitation.PrisonApproval.Features.Register;

/// <summary>
/// Loads or updates inmates in the caller's prison register, keyed by the prison's own number. The
/// statuses the prison's system holds are replaced with each import; a new one that stops visits,
/// or a move into a suspended management level, reaches the applications and visits in flight.
/// </summary>
public sealed class ImportInmatesHandler(PrisonApprovalDbContext db, ReferenceDataSet reference, InmateFacts facts, AffectedWork affected, TimeProvider clock)
{
    public static readonly IReadOnlySet<string> ManagementLevels = new HashSet<string>(StringComparer.Ordinal) { "lenient", "normal", "assessment", "strict" };

    public async Task<ImportInmatesReply> HandleAsync(ImportInmatesRequest request, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Officer);
        var statuses = Validate(request, reference.Prison(caller.OrganisationId)?.Areas.Select(a => a.Id).ToHashSet() ?? []);
        var numbers = request.Inmates.Select(i => i.InmateNumber.Trim()).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The same locks as a decision takes, in one order (no deadlock between two imports).
        foreach (var id in await db.Inmates.AsNoTracking()
                     .Where(i => i.PrisonId == caller.OrganisationId && numbers.Contains(i.InmateNumber))
                     .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct))
        {
            await facts.LockAsync(id, ct);
        }

        var existing = await db.Inmates.Include(i => i.Statuses)
            .Where(i => i.PrisonId == caller.OrganisationId && numbers.Contains(i.InmateNumber))
            .ToDictionaryAsync(i => i.InmateNumber, ct);
        var reply = new ImportInmatesReply();
        var now = ChinaTime.Now(clock);
        var today = ChinaTime.Today(clock);
        var policy = reference.PolicyFor(caller.OrganisationId);
        var changed = new List<(Inmate Inmate, Stop Stop)>();
        for (var index = 0; index < request.Inmates.Count; index++)
        {
            var record = request.Inmates[index];
            var number = record.InmateNumber.Trim();
            var isNew = !existing.TryGetValue(number, out var inmate);
            if (inmate is null)
            {
                inmate = new Inmate { Id = Guid.CreateVersion7(), PrisonId = caller.OrganisationId, InmateNumber = number };
                db.Inmates.Add(inmate);
                existing[number] = inmate;
                reply.Created++;
            }
            else
            {
                reply.Updated++;
            }

            var wasSuspendedLevel = policy.SuspendedLevels.Contains(inmate.ManagementLevel);
            inmate.Name = record.Name.Trim();
            inmate.Area = record.PrisonArea.Trim();
            inmate.ManagementLevel = record.ManagementLevel;
            inmate.Juvenile = record.Juvenile;
            inmate.CrimeCategories = [.. record.CrimeCategories.Distinct()];
            inmate.UpdatedAt = now;
            foreach (var added in ReplaceImportedStatuses(inmate, statuses[index], caller.UserId, now))
            {
                if (Stop.ForStatus(added, today, caller.UserId, now) is { } stop)
                {
                    changed.Add((inmate, stop));
                }
            }

            if (!isNew && !wasSuspendedLevel && policy.SuspendedLevels.Contains(inmate.ManagementLevel))
            {
                changed.Add((inmate, new Stop(today, null, RuleCodes.ManagementLevelSuspended, "罪犯被列为严管级，暂停会见。", caller.UserId, now)));
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var (inmate, stop) in changed)
        {
            await affected.InmateChangedAsync(inmate, stop, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return reply;
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

    private static List<List<StatusPeriod>> Validate(ImportInmatesRequest request, HashSet<string> areas)
    {
        var violations = new FieldViolations();
        var statuses = new List<List<StatusPeriod>>();
        if (request.Inmates.Count == 0)
        {
            violations.Add("inmates", "至少需要一条记录");
        }

        for (var i = 0; i < request.Inmates.Count; i++)
        {
            var record = request.Inmates[i];
            violations.Required($"inmates[{i}].inmate_number", record.InmateNumber);
            violations.Required($"inmates[{i}].name", record.Name);
            if (!areas.Contains(record.PrisonArea.Trim()))
            {
                // An unknown area would later look like "no free slot" to the family.
                violations.Add($"inmates[{i}].prison_area", "该监狱没有这个监区");
            }

            if (!ManagementLevels.Contains(record.ManagementLevel))
            {
                violations.Add($"inmates[{i}].management_level", "应为 lenient、normal、assessment 或 strict");
            }

            foreach (var unknown in record.CrimeCategories.Where(c => !CrimeCategories.All.Contains(c)))
            {
                violations.Add($"inmates[{i}].crime_categories", $"未知的罪名类别：{unknown}");
            }

            statuses.Add([.. record.Statuses
                .Select((s, j) => StatusInputs.Validate(s, $"inmates[{i}].statuses[{j}]", violations))
                .OfType<StatusPeriod>()]);
        }

        if (request.Inmates.GroupBy(i => i.InmateNumber.Trim()).Any(g => g.Count() > 1))
        {
            violations.Add("inmates", "同一罪犯编号不能重复出现");
        }

        violations.ThrowIfAny();
        return statuses;
    }
}
