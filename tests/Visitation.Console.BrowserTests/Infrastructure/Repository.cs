namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>Where the checkout is and how it was built (the tests run from tests/X/bin/Configuration/net10.0/).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

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
