using Visitation.Contracts.Grpc;

namespace Visitation.Console.Forms;

/// <summary>One visitor row of a counter form; a row left empty is no visitor.</summary>
public sealed class VisitorFields
{
    public string? Name { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public Relation? Relation { get; set; }

    public List<DocumentKind> Documents { get; set; } = [];

    public bool IsGuardian { get; set; }

    public bool IsContact { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdNumber) && string.IsNullOrWhiteSpace(Phone);
}
