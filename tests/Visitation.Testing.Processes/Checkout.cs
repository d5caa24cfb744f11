namespace Visitation.Testing.Processes;

/// <summary>Where the checkout is and how it was built (tests run from tests/X/bin/Configuration/net10.0/).</summary>
public static class Checkout
{
    public static string Root { get; } = Find();

    /// <summary>The build configuration of the running tests; the services were built the same way.</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Visitation.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("Visitation.sln not found above the test binaries.");
    }
}
