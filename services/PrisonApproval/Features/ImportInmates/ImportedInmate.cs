using Visitation.Rules.Eligibility;

namespace Visitation.PrisonApproval.Features.ImportInmates;

/// <summary>One record of an import, checked and in the register's codes.</summary>
public sealed record ImportedInmate(
    string Number,
    string Name,
    string Area,
    string ManagementLevel,
    bool Juvenile,
    IReadOnlyList<string> CrimeCategories,
    IReadOnlyList<StatusPeriod> Statuses);
