using System.Reflection;
using System.Text.RegularExpressions;

namespace Visitation.Deployment.Tests.Hosts;

/// <summary>
/// A process of the repository: a folder of services/ with a Program.cs. Its Deployment is named after
/// the folder in kebab case (the name each service's module gives itself: application, bureau-review…);
/// a folder named Dev… is a development tool, deployed by the development overlay only.
/// </summary>
internal sealed partial record HostProject(string Folder)
{
    public static IReadOnlyList<HostProject> All { get; } = Directory.GetDirectories(Repository.PathOf("services"))
        .Where(folder => File.Exists(Path.Combine(folder, "Program.cs")))
        .Select(folder => new HostProject(Path.GetFileName(folder)))
        .OrderBy(host => host.Folder, StringComparer.Ordinal)
        .ToList();

    public string Deployment => KebabBoundary().Replace(Folder, "-$1").ToLowerInvariant();

    public bool DevelopmentOnly => Folder.StartsWith("Dev", StringComparison.Ordinal);

    public Assembly Assembly => Assembly.Load($"Visitation.{Folder}");

    /// <summary>Where the build put the project's own output (its appsettings.json beside it), as the image's /app holds it.</summary>
    public string OutputFolder => Repository.PathOf(Path.Combine("services", Folder, "bin", Configuration, "net10.0"));

    public string AppSettings => Repository.PathOf(Path.Combine("services", Folder, "appsettings.json"));

    private static string Configuration => typeof(HostProject).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex KebabBoundary();
}
