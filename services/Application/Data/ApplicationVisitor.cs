namespace Visitation.Application.Data;

/// <summary>A visitor's personal data; only this service stores the phone number in full.</summary>
public sealed class ApplicationVisitor
{
    public int Ordinal { get; set; }
    public string Name { get; set; } = string.Empty;
    public string IdNumber { get; set; } = string.Empty;
    public string Phone { get; set; } = string.Empty;
    public string Relation { get; set; } = string.Empty;
    public DateOnly BirthDate { get; set; }
    public bool IsContact { get; set; }
    public bool IsGuardian { get; set; }
    public List<string> Documents { get; set; } = [];
}
