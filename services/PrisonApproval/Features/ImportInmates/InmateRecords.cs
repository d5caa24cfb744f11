using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Grpc;

namespace Visitation.PrisonApproval.Features.ImportInmates;

/// <summary>An import's records checked field by field, every violation reported at once.</summary>
public static class InmateRecords
{
    /// <param name="areas">The prison's areas: an unknown one would later look like "no free slot" to the family.</param>
    public static List<ImportedInmate> Validate(ImportInmatesRequest request, IReadOnlySet<string> areas)
    {
        ArgumentNullException.ThrowIfNull(request);
        var violations = new FieldViolations();
        if (request.Inmates.Count == 0)
        {
            violations.Add("inmates", "至少需要一条记录");
        }

        if (request.Inmates.GroupBy(i => i.InmateNumber.Trim()).Any(g => g.Count() > 1))
        {
            violations.Add("inmates", "同一罪犯编号不能重复出现");
        }

        var imported = request.Inmates.Select((record, i) => Validate(record, $"inmates[{i}]", areas, violations)).ToList();
        violations.ThrowIfAny();
        return imported;
    }

    private static ImportedInmate Validate(InmateRecord record, string field, IReadOnlySet<string> areas, FieldViolations violations)
    {
        violations.Required($"{field}.inmate_number", record.InmateNumber);
        violations.Required($"{field}.name", record.Name);
        if (!areas.Contains(record.PrisonArea.Trim()))
        {
            violations.Add($"{field}.prison_area", "该监狱没有这个监区");
        }

        var level = violations.Code($"{field}.management_level", record.ManagementLevel);
        var categories = violations.Codes($"{field}.crime_categories", record.CrimeCategories);
        var statuses = record.Statuses
            .Select((s, j) => StatusInputs.Validate(s, $"{field}.statuses[{j}]", violations))
            .OfType<StatusPeriod>()
            .ToList();
        return new ImportedInmate(
            record.InmateNumber.Trim(), record.Name.Trim(), record.PrisonArea.Trim(), level ?? string.Empty,
            record.Juvenile, [.. categories.Distinct()], statuses);
    }
}
