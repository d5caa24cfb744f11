using System.Collections.Frozen;

namespace Visitation.Rules.Visits;

/// <summary>
/// Why a prison or a venue cancels a visit or a whole day [N§19]; the text goes into the family's
/// SMS. Such a cancellation never uses the month's quota, and the family is offered a new slot.
/// </summary>
public static class CancellationCauses
{
    public const string Other = "other";

    public static readonly FrozenDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["maintenance"] = "会见设备检修",
        ["upgrade"] = "会见系统升级",
        ["network_fault"] = "网络故障",
        ["security"] = "安全工作需要",
        [Other] = "其他原因",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The family's reason: the cause, and the staff's note when they gave one.</summary>
    public static string Describe(string cause, string? note) =>
        string.IsNullOrWhiteSpace(note) ? All[cause] : $"{All[cause]}（{note.Trim()}）";
}
