namespace Visitation.Console.Forms;

/// <summary>The inmate as the family knows them (named as the proto's fields, so violations find them).</summary>
public sealed class InmateFields
{
    public string? PrisonId { get; set; }

    public string? PrisonArea { get; set; }

    public string? InmateNumber { get; set; }

    public string? Name { get; set; }
}
