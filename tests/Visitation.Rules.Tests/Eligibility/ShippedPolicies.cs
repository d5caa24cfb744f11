using Visitation.Rules.Policies;

namespace Visitation.Rules.Tests.Eligibility;

/// <summary>The policy files under deploy/reference-data/policies, as the services load them.</summary>
internal static class ShippedPolicies
{
    public static PolicySet Set => ShippedReferenceData.Set.Policies;

    public static VisitPolicy Shanxi => Set.For("shanxi", null);

    public static VisitPolicy Ningxia => Set.For("ningxia", null);

    public static VisitPolicy Of(string province) => Set.For(province, null);

    /// <summary>A policy file's raw text, for tests that edit it before parsing.</summary>
    public static string Read(string province) =>
        File.ReadAllText(Path.Combine(ShippedReferenceData.Folder, "policies", province + ".json"));
}
