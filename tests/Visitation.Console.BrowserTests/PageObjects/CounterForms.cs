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

    public static async Task FillApplicationAsync(this ConsoleSession session, Family family, string idNumber)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(family);
        await session.Field("Form.Inmate.Name").FillAsync(family.InmateName);
        await session.Field("Form.Inmate.PrisonArea").FillAsync("3");
        await session.Field("Form.Visitors[0].Name").FillAsync(family.VisitorName);
        await session.Field("Form.Visitors[0].Phone").FillAsync(family.Phone);
        await session.FillVisitorAsync(idNumber);
        await session.Page.Locator("#Form_Visitors_0__Documents").Locator("..").GetByLabel("接收短信的联系人").CheckAsync();
    }
}
