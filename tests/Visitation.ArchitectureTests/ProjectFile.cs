using System.Xml.Linq;

namespace Visitation.ArchitectureTests;

/// <summary>One <c>.csproj</c>: the projects and packages it names.</summary>
internal sealed record ProjectFile(string Name, string Folder, IReadOnlyList<string> ProjectReferences, IReadOnlyList<string> PackageReferences)
{
    public static ProjectFile Load(string relativePath)
    {
        var path = Repository.PathOf(relativePath);
        var xml = XDocument.Load(path);
        var projects = xml.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!))
            .Order(StringComparer.Ordinal)
            .ToList();
        var packages = xml.Descendants("PackageReference")
            .Select(r => (string)r.Attribute("Include")!)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new ProjectFile(Path.GetFileNameWithoutExtension(path), Path.GetDirectoryName(path)!, projects, packages);
    }

    /// <summary>The C# sources of the project, generated and build output left out.</summary>
    public IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsUnder(file, "obj") && !IsUnder(file, "bin") && !IsUnder(file, "Migrations"));

    private bool IsUnder(string file, string folder) =>
        Path.GetRelativePath(Folder, file).Split(Path.DirectorySeparatorChar).Contains(folder, StringComparer.Ordinal);
}
