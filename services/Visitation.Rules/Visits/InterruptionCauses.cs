using System.Collections.Frozen;

namespace Visitation.Rules.Visits;

/// <summary>Where an unexpected interruption of the call came from [N§15].</summary>
public static class InterruptionCauses
{
    public static readonly FrozenDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["prison_side"] = "监狱端设备故障",
        ["venue_side"] = "会见室端设备故障",
        ["network"] = "网络中断",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
