namespace Visitation.Console.Errors;

public sealed partial class FieldLabels
{
    /// <summary>CheckIn's fields, as the venue's check-in form shows them (rows of the booked visitors).</summary>
    public static FieldLabels CheckIn { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id_numbers[]"] = "第{0}位会见人的身份证号",
        ["identity_checked"] = "证件核验和安全检查",
        ["visit_id"] = "会见",
    });
}
