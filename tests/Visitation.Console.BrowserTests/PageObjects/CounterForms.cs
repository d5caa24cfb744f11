using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The counter's two forms, filled as a clerk would: by the fields the pages show.</summary>
public static class CounterForms
{
    /// <summary>The first visitor row: ID number, relation (mother), her resident ID card, household register and photo.</summary>
    public static async Task FillVisitorAsync(this ConsoleSession session, string idNumber)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Field("Form.Visitors[0].IdNumber").FillAsync(idNumber);
        await session.Field("Form.Visitors[0].Relation").SelectOptionAsync(new SelectOptionValue { Label = "母亲" });
        var documents = session.Page.Locator("#Form_Visitors_0__Documents");
        foreach (var document in new[] { "居民身份证", "户口簿", "近期生活照" })
        {
            await documents.GetByLabel(document).CheckAsync();
        }
    }

    /// <summary>
    /// Walks the application form's steps from the first as the clerk would — the inmate, the first visitor with
    /// her documents, her as the SMS contact — and stops on the step of month, venue and preferred days with its
    /// defaults, whose "下一步：核对" leads to the check of the answers.
    /// </summary>
    public static async Task FillApplicationAsync(this ConsoleSession session, Family family, string idNumber)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(family);
        await session.ExpectStepAsync(1, "服刑人员");
        await session.Field("Form.Inmate.Name").FillAsync(family.InmateName);
        await session.Field("Form.Inmate.PrisonArea").FillAsync("3");
        await session.NextStepAsync(2, "会见人及证件");
        await session.Field("Form.Visitors[0].Name").FillAsync(family.VisitorName);
        await session.Field("Form.Visitors[0].Phone").FillAsync(family.Phone);
        await session.FillVisitorAsync(idNumber);
        await session.NextStepAsync(3, "监护人和联系人");
        await session.Field("Form.Visitors[0].IsContact").CheckAsync();
        await session.NextStepAsync(4, "会见月份、会见室和意向日期");
    }

    /// <summary>Presses "下一步" and checks the step it led to (its heading and the page's scan).</summary>
    public static async Task NextStepAsync(this ConsoleSession session, int step, string title)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "下一步", Exact = true }).ClickAsync();
        await session.ExpectStepAsync(step, title);
    }

    /// <summary>The application form shows this step (of five).</summary>
    public static async Task ExpectStepAsync(this ConsoleSession session, int step, string title)
    {
        ArgumentNullException.ThrowIfNull(session);
        await Assertions.Expect(session.Page.Locator("h2.step-title")).ToHaveTextAsync($"第{step}步（共5步）：{title}");
        await session.ExpectPageAsync("受理会见申请");
    }
}
