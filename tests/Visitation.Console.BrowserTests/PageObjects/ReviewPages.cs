using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The county reviewer's pages, used as a reviewer would: the queue, one application's decision page.</summary>
public static partial class ReviewPages
{
    public const string Queue = "待复核申请";
    public const string Decision = "复核申请";

    /// <summary>
    /// The queue's row of <paramref name="applicationId"/>, once the bureau has received it (the filing
    /// reaches the bureau as an event): the queue is opened again until the row is there.
    /// </summary>
    public static async Task<ILocator> QueueRowAsync(this ConsoleSession session, string applicationId)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.ReloadUntilAsync("/Review", page => page.GetByRole(AriaRole.Row).Filter(new() { HasText = applicationId }));
        await session.ExpectPageAsync(Queue);
        return row;
    }

    /// <summary>From the queue to the application's decision page, by its link.</summary>
    public static async Task OpenDecisionAsync(this ConsoleSession session, string applicationId)
    {
        var row = await session.QueueRowAsync(applicationId);
        await row.GetByRole(AriaRole.Link, new() { Name = applicationId }).ClickAsync();
        await session.ExpectPageAsync(Decision);
    }

    /// <summary>Rejects on the decision page shown: the coded reason by its Chinese name (none: left unchosen) and the note.</summary>
    public static async Task RejectAsync(this ConsoleSession session, string? reasonName, string note)
    {
        ArgumentNullException.ThrowIfNull(session);
        var form = session.Page.Locator("form.reject");
        if (reasonName is not null)
        {
            await form.GetByLabel(reasonName, new() { Exact = true }).CheckAsync();
        }

        await session.Field("Rejection.Note").FillAsync(note);
        await form.GetByRole(AriaRole.Button, new() { Name = "不同意" }).ClickAsync();
    }

    /// <summary>
    /// Posts a form the page shows (by its CSS selector) as a browser would, with its antiforgery token and the
    /// session's cookies, without following the answer; returns where it sent the browser.
    /// </summary>
    public static async Task<string> PostShownFormAsync(this ConsoleSession session, string selector)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = session.Page;
        var action = await page.Locator(selector).GetAttributeAsync("action") ?? throw new InvalidOperationException($"{selector} has no action");
        var fields = await page.EvaluateAsync<string[][]>("s => [...new FormData(document.querySelector(s))].map(([k, v]) => [k, String(v)])", selector);
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var field in fields)
        {
            form.Append(field[0], field[1]);
        }

        var response = await page.Context.APIRequest.PostAsync(action, new() { Form = form, MaxRedirects = 0 });
        Assert.True(response.Status == 302, $"posting {selector} answered {response.Status}, not a redirect");
        return response.Headers["location"];
    }

    /// <summary>The clerk's list row of an application, once its status reads <paramref name="status"/> (it follows the chain's events).</summary>
    public static async Task<ILocator> ClerkRowWithStatusAsync(this ConsoleSession clerk, string applicationId, string status)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        var row = await clerk.ReloadUntilAsync("/Applications", page => page.GetByRole(AriaRole.Row).Filter(new() { HasText = applicationId }).Filter(new() { HasText = status }));
        await clerk.ExpectPageAsync("本所申请");
        return row;
    }

    /// <summary>
    /// Opens <paramref name="path"/> until <paramref name="find"/> shows, each time waiting up to a second for it
    /// (a condition, not a pause); fails after a minute's worth of attempts saying what it looked for.
    /// </summary>
    public static async Task<ILocator> ReloadUntilAsync(this ConsoleSession session, string path, Func<IPage, ILocator> find, int attempts = 60)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(find);
        for (var attempt = 1; ; attempt++)
        {
            await session.Page.GotoAsync(path);
            var found = find(session.Page);
            try
            {
                await found.First.WaitForAsync(new() { Timeout = 1000 });
                return found;
            }
            catch (TimeoutException) when (attempt < attempts)
            {
                // Not there yet: the event that brings it is still on its way.
            }
        }
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    public static partial Regex MinuteOfDay();
}
