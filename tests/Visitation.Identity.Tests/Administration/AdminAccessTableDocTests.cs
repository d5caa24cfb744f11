using Visitation.Identity.Administration;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Identity.Tests.Administration;

/// <summary>docs/identity.md shows the administration API's access table as the code has it.</summary>
public sealed class AdminAccessTableDocTests
{
    private const string TableStart = "<!-- admin-table:start (generated from AdminAccessTable; AdminAccessTableDocTests fails when they differ) -->";
    private const string TableEnd = "<!-- admin-table:end -->";

    [Fact]
    public void TheTableInDocsIdentityMdIsTheAdminAccessTable()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "identity.md"));
        var start = doc.IndexOf(TableStart, StringComparison.Ordinal);
        var end = doc.IndexOf(TableEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/identity.md has no {TableStart} … {TableEnd} section.");

        var documented = doc[(start + TableStart.Length)..end].Trim().ReplaceLineEndings("\n");

        Assert.True(documented == Table(), $"docs/identity.md's table is not AdminAccessTable's; between the markers write:\n\n{Table()}\n");
    }

    private static string Table()
    {
        string[] roles = [Roles.SystemAdministrator, Roles.SecurityAdministrator, Roles.AuditAdministrator, "any other role"];
        var lines = new List<string> { "| RPC | " + string.Join(" | ", roles) + " |", "|---|" + string.Concat(roles.Select(_ => "---|")) };
        lines.AddRange(AdminAccessTable.Methods.Select(m =>
            $"| `{m.Method}` | " + string.Join(" | ", roles.Select(role => role == m.Role ? Label(m.Reach) : "—")) + " |"));
        return string.Join('\n', lines);
    }

    private static string Label(AdminReach reach) => reach == AdminReach.Subtree ? "own subtree" : "at a province";

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Visitation.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No Visitation.sln above {AppContext.BaseDirectory}.");
    }
}
