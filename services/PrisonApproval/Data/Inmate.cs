namespace Visitation.PrisonApproval.Data;

/// <summary>An inmate in the prison's register, as the prison's own system exports it.</summary>
public sealed class Inmate
{
    public Guid Id { get; set; }
    public string PrisonId { get; set; } = string.Empty;
    public string InmateNumber { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Area { get; set; } = string.Empty;
    public string ManagementLevel { get; set; } = string.Empty;
    public bool Juvenile { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
