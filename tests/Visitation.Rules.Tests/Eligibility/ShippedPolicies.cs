using Visitation.Rules.Policies;

namespace Visitation.Rules.Tests.Eligibility;

/// <summary>The policy files under deploy/reference-data/policies, read from the repository itself.</summary>
internal static class ShippedPolicies
{
    private static readonly Lazy<PolicySet> Loaded = new(() =>
        PolicyJson.Parse(Read("shanxi")).Union(PolicyJson.Parse(Read("ningxia"))));

    public static PolicySet Set => Loaded.Value;

    public static VisitPolicy Shanxi => Set.For("shanxi", null);

    public static VisitPolicy Ningxia => Set.For("ningxia", null);

    public static VisitPolicy Of(string province) => Set.For(province, null);

    public static string Read(string province) =>
        File.ReadAllText(Path.Combine(RepoRoot(), "deploy", "reference-data", "policies", province + ".json"));

    /// <summary>Walks up from the test binaries to the folder holding Visitation.sln.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Visitation.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Visitation.sln not found above " + AppContext.BaseDirectory);
    }
}
