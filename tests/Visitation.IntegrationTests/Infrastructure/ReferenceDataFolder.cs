namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>Copies of the reference data for tests that start a service on changed files.</summary>
public static class ReferenceDataFolder
{
    /// <summary>The shipped reference data, copied beside the test binaries.</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "reference-data");

    /// <summary>Copies every file of <paramref name="source"/> to <paramref name="target"/> (default: a new temporary folder) and returns it.</summary>
    public static string Copy(string source, string? target = null)
    {
        target ??= Path.Combine(Path.GetTempPath(), "refdata-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
