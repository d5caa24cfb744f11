using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.ServiceDefaults.ReferenceData;

namespace Visitation.PrisonApproval.Features.Register;

/// <summary>Loads or updates inmates in the caller's prison register, keyed by the prison's own number.</summary>
public sealed class ImportInmatesHandler(PrisonApprovalDbContext db, ReferenceDataSet reference, TimeProvider clock)
{
    public static readonly IReadOnlySet<string> ManagementLevels = new HashSet<string>(StringComparer.Ordinal) { "lenient", "normal", "assessment", "strict" };

    public async Task<ImportInmatesReply> HandleAsync(ImportInmatesRequest request, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Officer);
        Validate(request, reference.Prison(caller.OrganisationId)?.Areas.Select(a => a.Id).ToHashSet() ?? new HashSet<string>());
        var numbers = request.Inmates.Select(i => i.InmateNumber.Trim()).ToList();
        var existing = await db.Inmates
            .Where(i => i.PrisonId == caller.OrganisationId && numbers.Contains(i.InmateNumber))
            .ToDictionaryAsync(i => i.InmateNumber, ct);
        var reply = new ImportInmatesReply();
        var now = clock.GetUtcNow();
        foreach (var record in request.Inmates)
        {
            var number = record.InmateNumber.Trim();
            if (!existing.TryGetValue(number, out var inmate))
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

            inmate.Name = record.Name.Trim();
            inmate.Area = record.PrisonArea.Trim();
            inmate.ManagementLevel = record.ManagementLevel;
            inmate.Juvenile = record.Juvenile;
            inmate.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return reply;
    }

    private static void Validate(ImportInmatesRequest request, HashSet<string> areas)
    {
        var violations = new FieldViolations();
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
        }

        violations.ThrowIfAny();
    }
}
