using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The send-back (退回补正) pages: the reviewer's and the officer's form, and the clerk's resubmission.</summary>
public static class SendBackPages
{
    public const string SendBack = "退回补正";
    public const string Resubmit = "补正材料并重新提交";

    /// <summary>On the send-back page shown: ticks the items by their Chinese names, writes the note, sends it back.</summary>
    public static async Task SendBackAsync(this ConsoleSession session, IEnumerable<string> items, string note)
    {
        ArgumentNullException.ThrowIfNull(session);
        foreach (var item in items)
        {
            await session.Page.GetByLabel(item, new() { Exact = true }).CheckAsync();
        }

        await session.Page.GetByLabel("给司法所的说明（可不填）").FillAsync(note);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "退回司法所补正" }).ClickAsync();
    }

    /// <summary>From the decision page shown, by its 退回补正 link, to the send-back page.</summary>
    public static async Task OpenSendBackAsync(this ConsoleSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Page.GetByRole(AriaRole.Link, new() { Name = SendBack, Exact = true }).ClickAsync();
        await session.ExpectPageAsync(SendBack);
    }
}
