namespace Visitation.Console.Pages.SendBack;

/// <summary>Where a send-back's violation goes on the form: every item's (<c>missing[2]</c>) beside the one list of checkboxes.</summary>
public static class SendBackPaths
{
    public static string ToForm(string path) => path.StartsWith("missing", StringComparison.Ordinal) ? "missing" : path;
}
