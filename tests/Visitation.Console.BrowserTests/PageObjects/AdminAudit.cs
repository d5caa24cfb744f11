using System.Diagnostics;
using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The audit administrator's search page: a search by its query, repeated until the store holds what is looked for.</summary>
public static class AdminAudit
{
    /// <summary>The result rows of the audit search <paramref name="query"/> (a query string without the "?").</summary>
    public static ILocator AuditRows(this ConsoleSession session) =>
        session.Page.Locator("table.audit-rows tbody tr");

    /// <summary>
    /// Opens the search until a result row contains <paramref name="text"/>: rows reach the store through each
    /// service's relay and the broker, a moment after the act. Fails saying what it last saw.
    /// </summary>
    public static async Task<ILocator> SearchUntilAsync(this ConsoleSession session, string query, string text, int seconds = 60)
    {
        ArgumentNullException.ThrowIfNull(session);
        var elapsed = Stopwatch.StartNew();
        var rows = session.AuditRows().Filter(new() { HasText = text });
        do
        {
            await session.OpenAsync("/Admin/Audit?" + query, "审计查询");
            if (await rows.CountAsync() > 0)
            {
                return rows;
            }

            // Not a wait for the system's time: only the pause between two searches (each is itself audited).
            await session.Page.WaitForTimeoutAsync(500);
        }
        while (elapsed.Elapsed < TimeSpan.FromSeconds(seconds));

        var seen = await session.Page.GetByRole(AriaRole.Main).InnerTextAsync();
        throw new TimeoutException($"No audit row with '{text}' for ?{query} after {seconds}s. The page showed:\n{seen}");
    }
}
