namespace Visitation.Console.Errors;

/// <summary>The organisation switch's one field.</summary>
public sealed partial class FieldLabels
{
    public static FieldLabels SiteSwitch { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organisation"] = "办理机构",
    });
}
