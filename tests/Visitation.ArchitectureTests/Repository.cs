namespace Visitation.ArchitectureTests;

/// <summary>The checkout these tests read: the folder that holds <c>Visitation.sln</c>, found upwards from the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Visitation.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Visitation.sln above {AppContext.BaseDirectory}: these tests read the checkout they were built from.");
    }
}
