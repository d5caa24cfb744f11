using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium fonts-wqy-microhei</c>; deploy/test.sh installs
/// both), headless. Playwright's own browser download cannot work offline and is never used. A
/// missing browser fails every test of the project with this message: it is not a reason to skip.
/// </summary>
internal static class ChromiumBrowser
{
    public const string Executable = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException(
                $"The console's browser tests need Debian's Chromium at {Executable}, and it is not there. Install it with " +
                "`apt-get install -y chromium fonts-wqy-microhei` (deploy/test.sh does so through deploy/local/infra.sh).");
        }

        var playwright = await Playwright.CreateAsync();
        // As root (CI, this machine) Chromium's sandbox cannot start; the browser only opens the run's own pages.
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        return (playwright, browser);
    }
}
