using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>
/// Screenshots of the pages the tests land on, for docs/console/ (deploy/console-screenshots.sh): when
/// <c>VISITATION_CONSOLE_SCREENSHOTS</c> names a folder, every checked page is saved there as a full-page
/// PNG named after its address, so a later run overwrites the same files. Numbers in the address become
/// "id"; a form's handler is added (the check-your-answers page is not the form); a refusal adds its
/// status code (the 403 page at /Applications/New is not the form).
/// </summary>
public static partial class Screenshots
{
    public const string FolderVariable = "VISITATION_CONSOLE_SCREENSHOTS";

    public static async Task SaveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        var status = await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0");
        var name = NameOf(new Uri(page.Url), status);
        var png = await page.ScreenshotAsync(new() { FullPage = true, Animations = ScreenshotAnimations.Disabled });
        Directory.CreateDirectory(folder);
        // Written aside and moved in: two tests landing on the same page never leave half a file.
        var path = Path.Combine(folder, name);
        var partial = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(partial, png);
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>"/Applications/Receipt/0193…" → "applications-receipt-id.png"; "/" → "index.png".</summary>
    public static string NameOf(Uri address, int status)
    {
        ArgumentNullException.ThrowIfNull(address);
        var segments = address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => Identifier().IsMatch(segment) ? "id" : segment.ToLowerInvariant())
            .ToList();
        var handler = System.Web.HttpUtility.ParseQueryString(address.Query)["handler"];
        if (!string.IsNullOrEmpty(handler))
        {
            segments.Add(handler.ToLowerInvariant());
        }

        if (status >= 400)
        {
            segments.Add(status.ToString(CultureInfo.InvariantCulture));
        }

        return (segments.Count == 0 ? "index" : string.Join('-', segments)) + ".png";
    }

    [GeneratedRegex("^([0-9a-fA-F-]{16,}|[0-9]+)$")]
    private static partial Regex Identifier();
}
