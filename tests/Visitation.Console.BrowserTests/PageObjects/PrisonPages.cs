using System.Diagnostics;
using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The visit centre's pages (/Prison/...): the queue's cards, the decision forms, the proposals and the slot picker.</summary>
internal static class PrisonPages
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>One application's card in the queue or on the decision page.</summary>
    public static ILocator TaskCard(this ConsoleSession session, string applicationId) =>
        session.Page.Locator("article.task").Filter(new() { HasText = applicationId });

    /// <summary>One rule's row in a card's verdicts, by its Chinese name.</summary>
    public static ILocator RuleRow(this ILocator card, string rule) =>
        card.Locator("table.rules tr").Filter(new() { Has = card.Page.GetByRole(AriaRole.Rowheader, new() { Name = rule, Exact = true }) });

    /// <summary>One proposal's row on the proposals page.</summary>
    public static ILocator ProposalRow(this ConsoleSession session, string applicationId) =>
        session.Page.Locator("table.proposals tbody tr").Filter(new() { HasText = applicationId });

    /// <summary>
    /// Opens a list page and reloads it until <paramref name="item"/> shows: what an earlier step started
    /// reaches the page through the services' events (RabbitMQ), a moment later.
    /// </summary>
    public static async Task OpenUntilShownAsync(this ConsoleSession session, string path, string heading, Func<ILocator> item)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(item);
        var waited = Stopwatch.StartNew();
        await session.Page.GotoAsync(path);
        while (await item().CountAsync() == 0)
        {
            Assert.True(waited.Elapsed < Patience, $"{path} did not show the item within {Patience.TotalSeconds:0} s");
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            await session.Page.ReloadAsync();
        }

        await session.ExpectPageAsync(heading);
    }

    /// <summary>Posts the decision page's form of <paramref name="handler"/> as shown, with its antiforgery token and the session's cookies: a second click's request.</summary>
    public static async Task<IAPIResponse> PostShownFormAsync(this ConsoleSession session, string formSelector, string action)
    {
        ArgumentNullException.ThrowIfNull(session);
        var fields = await session.Page.EvaluateAsync<string[][]>(
            "selector => [...new FormData(document.querySelector(selector))].map(([k, v]) => [k, String(v)])", formSelector);
        var form = session.Page.Context.APIRequest.CreateFormData();
        foreach (var field in fields)
        {
            form.Append(field[0], field[1]);
        }

        return await session.Page.Context.APIRequest.PostAsync(action, new() { Form = form, MaxRedirects = 0 });
    }

    /// <summary>Waits until the family's phone has received a text containing <paramref name="part"/>; returns every text it received.</summary>
    public static async Task<IReadOnlyList<string>> SmsContainingAsync(this ConsoleSession session, string phone, string part)
    {
        ArgumentNullException.ThrowIfNull(session);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var texts = await session.System.SmsTextsToAsync(phone);
            if (texts.Any(t => t.Contains(part, StringComparison.Ordinal)))
            {
                return texts;
            }

            Assert.True(waited.Elapsed < Patience, $"no SMS to {phone} contained \"{part}\" within {Patience.TotalSeconds:0} s; received: {string.Join(" | ", texts)}");
            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }
    }
}
