using System.Reflection;

namespace Visitation.Deployment.Tests;

/// <summary>The checkout these tests read (its path is written into the assembly when it is built).</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Kubernetes => PathOf("deploy/k8s");
}
