using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The officer moves an inmate to another area from the inmate's page: an area the prison does not have is refused
/// with the service's sentence; a real one is recorded, and the family whose visit was on the old area's day is told
/// the time changes (docs/reoffer-and-moves.md).
/// </summary>
public sealed class OfficerAreaMoveTests(ConsoleSystem system)
{
    private readonly PrisonCases _cases = new(system);

    [Fact]
    public async Task AnUnknownAreaIsRefusedAndAMoveToAnotherAreaTellsTheFamilyWhoseDayItDoesNotHave()
    {
        var family = Family.New();
        var id = await _cases.BureauApprovedAsync(family);
        await PrisonRegisterPages.BookedAsync(system, id); // area 3: the 3rd, 13th or 23rd
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.Take("officer", Orgs.Prison));
        var page = session.Page;
        var heading = $"{family.InmateName}（{family.InmateNumber}）";

        await session.OpenAsync($"/Prison/Inmates?number={family.InmateNumber}", heading);
        await session.Field("Move.PrisonArea").FillAsync("99");
        await page.GetByRole(AriaRole.Button, new() { Name = "调整监区" }).ClickAsync();
        await session.ExpectPageAsync(heading);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("本监狱没有这个监区");
        await Assertions.Expect(page.Locator("dl.answers dd").First).ToHaveTextAsync("3"); // the area, unchanged

        // Area 4 meets on the 4th, 14th and 24th: none of area 3's days.
        await session.Field("Move.PrisonArea").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "调整监区" }).ClickAsync();
        await session.ExpectPageAsync(heading);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已调至4监区");
        await Assertions.Expect(page.Locator("dl.answers dd").First).ToHaveTextAsync("4");
        await session.SmsContainingAsync(family.Phone, "会见安排临时调整");
    }
}
