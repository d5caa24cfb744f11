using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// A clerk covering two judicial offices of the county picks the office they act for: the header names it,
/// what they file and list is that office's, and switching back shows the first office's list again. A pick
/// the account does not hold (a form edited by hand) is refused by the identity service, not by the console.
/// </summary>
public sealed class OrganisationSwitchTests(ConsoleSystem system)
{
    private const string HomeOffice = "永济市城西街道司法所";
    private const string OtherOffice = "永济市城东街道司法所";

    [Fact]
    public async Task AClerkOfTwoOfficesSwitchesToTheOtherOfficeFilesThereAndSeesEachOfficesOwnList()
    {
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.TakeWithSites("clerk", Orgs.Office));
        var page = session.Page;
        var current = page.Locator("#current-organisation");
        await session.OpenAsync("/", "会见管理控制台");
        await Assertions.Expect(current).ToHaveTextAsync(HomeOffice);

        await session.ActForAsync(Orgs.OtherOfficeOfCounty);
        await Assertions.Expect(current).ToHaveTextAsync(OtherOffice);
        var family = Family.New();
        var number = await session.FileApplicationAsync(family);
        var found = await session.SearchAsync(family.InmateName);
        await Assertions.Expect(found).ToHaveCountAsync(1);
        await Assertions.Expect(found).ToContainTextAsync(number);

        // Back at the first office: the other office's application is not in its list, nor its page.
        await session.ActForAsync(Orgs.Office);
        await Assertions.Expect(current).ToHaveTextAsync(HomeOffice);
        await Assertions.Expect(await session.SearchAsync(family.InmateName)).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/Applications/" + number);
        Assert.Equal(404, response!.Status);

        await session.ActForAsync(Orgs.OtherOfficeOfCounty);
        await Assertions.Expect(await session.SearchAsync(family.InmateName)).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AnOfficeTheAccountDoesNotHoldIsRefusedByTheIdentityServiceAndTheClerkStaysWithTheirOffice()
    {
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.TakeWithSites("clerk", Orgs.Office));
        var page = session.Page;
        await session.OpenAsync("/Site", "切换机构");
        // The form edited by hand: the other county's office, which the console's list never offered.
        await page.Locator($"input[name='Form.Organisation'][value='{Orgs.OtherOfficeOfCounty}']")
            .EvaluateAsync("(radio, other) => { radio.value = other; radio.checked = true; }", Orgs.OfficeOfOtherCounty);
        await page.GetByRole(AriaRole.Button, new() { Name = "切换" }).ClickAsync();
        await session.ExpectPageAsync("切换机构");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("办理机构：您的账号不能代表该机构办理");
        await Assertions.Expect(page.Locator("#current-organisation")).ToHaveTextAsync(HomeOffice);
        await session.OpenAsync("/Applications", "本所申请");
        await Assertions.Expect(page.Locator("#current-organisation")).ToHaveTextAsync(HomeOffice);
    }
}
