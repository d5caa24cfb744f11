using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;
using Visitation.Contracts.Events;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// 未联系上的家属 (docs/family-not-reached.md) in the browser: an SMS reported failed for good puts the
/// application on the clerk's list, the front page counts it, the clerk records that they phoned the
/// family and the entry moves to the recently closed ones with the outcome.
/// </summary>
public sealed class NotReachedJourneyTests(ConsoleSystem system)
{
    private const string Title = "未联系上的家属";

    [Fact]
    public async Task APermanentlyFailedSmsPutsTheApplicationOnTheClerksListWhereTheClerkRecordsThatTheyPhonedTheFamily()
    {
        await using var clerk = await ConsoleSession.SignInAsync(system, system.Accounts.Take("clerk", Orgs.Office));
        var number = await clerk.FileApplicationAsync(Family.New());

        await BusEvents.PublishAsync(system, new SmsFailed(Guid.Parse(number), Guid.NewGuid(), "Scheduled", "139****0417",
            SmsFailureReason.WrongNumber, "isv.MOBILE_NUMBER_ILLEGAL", RealClock.Clock.GetUtcNow()));

        // The front page tells the clerk there is somebody to phone, and leads to the list.
        await clerk.ReloadUntilAsync("/", page => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "待联系家属" }));
        await clerk.Page.GetByRole(AriaRole.Link, new() { Name = "待联系家属" }).ClickAsync();
        await clerk.ExpectPageAsync(Title);
        var row = await clerk.ReloadUntilAsync("/Applications/NotReached", page => page.GetByRole(AriaRole.Row).Filter(new() { HasText = number }));
        await Assertions.Expect(row).ToContainTextAsync("会见时间通知");
        await Assertions.Expect(row).ToContainTextAsync("139****0417");
        await Assertions.Expect(row).ToContainTextAsync("号码有误或已停机");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = number })).ToHaveAttributeAsync("href", $"/Applications/{number}");

        // Closed without an outcome: the service's refusal beside the field; then with one.
        await row.GetByRole(AriaRole.Button, new() { Name = "记录处理结果" }).ClickAsync();
        await clerk.ExpectPageAsync(Title);
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("联系结果");
        row = clerk.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await row.GetByLabel("联系结果").SelectOptionAsync(new SelectOptionValue { Label = "已电话联系家属" });
        await row.GetByLabel("处理说明（选填，仅供本所人员查看，不会发给家属）").FillAsync("已电话告知会见时间，家属换了新号码");
        await row.GetByRole(AriaRole.Button, new() { Name = "记录处理结果" }).ClickAsync();
        await clerk.ExpectPageAsync(Title);
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(0);

        await clerk.OpenAsync("/Applications/NotReached?closed=true", Title);
        var closed = clerk.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(closed).ToContainTextAsync("已电话联系家属");
        await Assertions.Expect(closed).ToContainTextAsync("家属换了新号码");
    }
}
