using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>The venue staff's pages as a person uses them: the day's visits, one visit's check-in, the day list.</summary>
public sealed class VenuePages(ConsoleSession session)
{
    private IPage Page => session.Page;

    public async Task OpenDayAsync(string day) => await session.OpenAsync("/Venue?day=" + day, "今日会见");

    /// <summary>The day's row of a visit (empty when the day does not show it).</summary>
    public ILocator RowOf(string visitId) => Page.Locator($"tr[data-visit='{visitId}']");

    public async Task OpenVisitAsync(string visitId) => await session.OpenAsync("/Venue/Visit/" + visitId, "会见签到");

    public ILocator Status => Page.Locator("#visit-status");

    public ILocator Main => Page.GetByRole(AriaRole.Main);

    /// <summary>Types the ID number into the first visitor's row, ticks the document and security check, and confirms.</summary>
    public async Task CheckInAsync(string idNumber)
    {
        await session.Field("Form.IdNumbers[0]").FillAsync(idNumber);
        await session.Field("Form.IdentityChecked").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "确认签到" }).ClickAsync();
        await session.ExpectPageAsync("会见签到");
    }

    /// <summary>What the page says beside the first visitor's ID number.</summary>
    public async Task<string> BesideFirstIdNumberAsync() =>
        (await Page.Locator("[data-valmsg-for='Form.IdNumbers[0]']").InnerTextAsync()).Trim();

    public async Task OpenDayListAsync(string day) => await session.OpenAsync("/Venue/DayList?day=" + day, "当日会见名单");
}
