using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Rules.Privacy;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The clerk's pages after the counter, in the browser against the real services: the office's list
/// searched and filtered, one application's page with its timeline and SMS, withdrawing with a reason,
/// the ID number checked as typed, and another office's clerk kept out by address. The clerk signs in
/// once for the class; every page landed on is checked for its heading and scanned with axe.
/// </summary>
public sealed class ClerkApplicationPagesTests(ClerkApplicationPagesTests.SignedInClerk clerk) : IClassFixture<ClerkApplicationPagesTests.SignedInClerk>
{
    [Fact]
    public async Task TheOfficesListFindsAnApplicationByItsNumberItsLastCharactersOrTheInmatesNameWithTheStatusFilterKept()
    {
        var session = await clerk.SessionAsync();
        var family = Family.New();
        var number = await session.FileApplicationAsync(family);

        var byNumber = await session.SearchAsync(number);
        await Assertions.Expect(byNumber).ToHaveCountAsync(1);
        await Assertions.Expect(byNumber).ToContainTextAsync(family.InmateName);
        // The contact's phone is in the list masked only.
        await Assertions.Expect(byNumber).ToContainTextAsync(Mask.Phone(family.Phone));
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(family.Phone);

        await Assertions.Expect(await session.SearchAsync(number[^8..])).ToContainTextAsync([number]);
        var byName = await session.SearchAsync(family.InmateName);
        await Assertions.Expect(byName).ToHaveCountAsync(1);
        await Assertions.Expect(byName).ToContainTextAsync(number);

        // The filter and the search together: the search box and the chosen status stay on the page.
        await Assertions.Expect(await session.SearchAsync(family.InmateName, "已受理，待县司法局审核")).ToHaveCountAsync(1);
        await Assertions.Expect(await session.SearchAsync(family.InmateName, "已撤回")).ToHaveCountAsync(0);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("没有符合条件的申请");
        await Assertions.Expect(session.Page.GetByLabel("申请编号或姓名")).ToHaveValueAsync(family.InmateName);
        await Assertions.Expect(session.Page.GetByLabel("状态").Locator("option:checked")).ToHaveTextAsync("已撤回");
    }

    [Fact]
    public async Task AnApplicationsPageShowsWhatWasAppliedForMaskedItsTimelineAndTheSmsThatWentOutWithoutItsText()
    {
        var session = await clerk.SessionAsync();
        var page = session.Page;
        var family = Family.New();
        var number = await session.FileApplicationAsync(family);

        // From the receipt to the application's page.
        await page.GetByRole(AriaRole.Link, new() { Name = "查看办理进度" }).ClickAsync();
        await session.ExpectPageAsync("申请详情");
        Assert.EndsWith("/Applications/" + number, page.Url, StringComparison.Ordinal);

        var sms = await session.WaitForSmsAsync(number, "受理通知");
        await Assertions.Expect(sms).ToContainTextAsync(Mask.Phone(family.Phone));
        await Assertions.Expect(sms).ToContainTextAsync(new System.Text.RegularExpressions.Regex("待发送|发送中|已发出|已送达"));
        var main = page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main.Locator("#application-status")).ToHaveTextAsync("已受理，待县司法局审核");
        await Assertions.Expect(main).ToContainTextAsync(family.InmateName);
        await Assertions.Expect(main).ToContainTextAsync(Mask.IdNumber(family.IdNumber));
        await Assertions.Expect(page.Locator(".timeline li").First).ToContainTextAsync("受理申请");

        // Never a whole number, nor the SMS as the family read it.
        var html = await page.ContentAsync();
        Assert.DoesNotContain(family.IdNumber, html, StringComparison.Ordinal);
        Assert.DoesNotContain(family.Phone, html, StringComparison.Ordinal);
        var texts = await session.System.SmsTextsToAsync(family.Phone);
        Assert.NotEmpty(texts);
        Assert.All(texts, text => Assert.DoesNotContain(text, html, StringComparison.Ordinal));

        // And from the list.
        var rows = await session.SearchAsync(number);
        await rows.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await session.ExpectPageAsync("申请详情");
    }

    [Fact]
    public async Task WithdrawingAsksForTheReasonThenForConfirmationAndTheTimelineShowsItWithNoWayToWithdrawAgain()
    {
        var session = await clerk.SessionAsync();
        var page = session.Page;
        var number = await session.FileApplicationAsync(Family.New());
        await session.OpenApplicationAsync(number);

        // No reason: refused beside the field, before anything is sent.
        await session.StartWithdrawalAsync(string.Empty);
        await session.ExpectPageAsync("撤回申请");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Withdrawal.Reason']")).ToHaveTextAsync("必填");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("撤回原因：必填");

        await page.GetByLabel("撤回原因").FillAsync("家属另有安排");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：确认" }).ClickAsync();
        await session.ExpectPageAsync("确认撤回申请");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("家属另有安排");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认撤回" }).ClickAsync();

        await session.ExpectPageAsync("申请详情");
        await Assertions.Expect(page.Locator("#application-status")).ToHaveTextAsync("已撤回");
        await Assertions.Expect(page.Locator(".timeline li").Last).ToContainTextAsync("撤回申请");
        await Assertions.Expect(page.Locator(".timeline li").Last).ToContainTextAsync("家属另有安排");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "撤回申请" })).ToHaveCountAsync(0);

        // The withdrawal page opened again by its address says why it cannot be done, and offers no form.
        await session.OpenAsync($"/Applications/{number}/Withdraw", "撤回申请");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("不能撤回");
        await Assertions.Expect(page.GetByLabel("撤回原因")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AWithdrawalConfirmedAfterTheCountyRefusedTheApplicationShowsTheServicesRefusal()
    {
        var session = await clerk.SessionAsync();
        var page = session.Page;
        var number = await session.FileApplicationAsync(Family.New());
        await session.OpenApplicationAsync(number);
        await session.StartWithdrawalAsync("家属另有安排");
        await session.ExpectPageAsync("确认撤回申请");

        // Meanwhile the county bureau refuses it: a final outcome.
        var system = session.System;
        var reviewer = new BureauReviewService.BureauReviewServiceClient(
            await system.Machines.AsAsync(system, "BureauReview", "bureau-review", "reviewer", Orgs.Bureau));
        await Waits.UntilAsync(async () => (await reviewer.ListPendingReviewsAsync(new ListPendingReviewsRequest { Page = new() { PageSize = 200 } })).Tasks.Any(t => t.ApplicationId == number), "the county's review task");
        await reviewer.RejectApplicationAsync(new RejectReviewRequest { ApplicationId = number, ReasonCode = "DOCUMENTS_INCOMPLETE", Reason = "材料不全" });
        // The refusal reaches the application asynchronously, and its SMS then adds to the timeline: the click
        // comes after both, so the withdrawal meets the final outcome rather than a record being written.
        var applications = new ApplicationService.ApplicationServiceClient(await system.Machines.AsAsync(system, "Application", "application", "clerk", Orgs.Office));
        await Waits.UntilAsync(async () =>
        {
            var application = await applications.GetApplicationAsync(new GetApplicationRequest { ApplicationId = number });
            return application.Status == ApplicationStatus.BureauRejected && application.Timeline.Count(t => t.Event == TimelineEvent.SmsSent) == 2;
        }, "the refusal and its SMS on the application");

        await page.GetByRole(AriaRole.Button, new() { Name = "确认撤回" }).ClickAsync();
        await session.ExpectPageAsync("撤回申请");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("当前状态下不能办理：申请已有最终结果，无法撤回");
        await Assertions.Expect(page.GetByRole(AriaRole.Main).Locator(".status")).ToHaveTextAsync("县司法局未同意");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "确认撤回" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheIdNumberIsCheckedAsTheClerkTypesBesideTheFieldOnTheApplicationAndEligibilityForms()
    {
        var session = await clerk.SessionAsync();
        var family = Family.New();
        foreach (var (path, heading) in new[] { ("/Applications/New", "受理会见申请"), ("/Eligibility", "资格核验") })
        {
            await session.OpenAsync(path, heading);
            if (path == "/Applications/New")
            {
                // The application form asks the visitors on its second step.
                await session.NextStepAsync(2, "会见人及证件");
            }

            var field = session.Field("Form.Visitors[0].IdNumber");
            var check = session.IdCheckOf(0);
            await Assertions.Expect(check).ToHaveAttributeAsync("aria-live", "polite");

            await field.PressSequentiallyAsync(family.MistypedIdNumber);
            await Assertions.Expect(check).ToHaveTextAsync("身份证号码校验位不正确，请逐位核对");
            await field.FillAsync(family.IdNumber[..10] + "13" + family.IdNumber[12..]);
            await Assertions.Expect(check).ToHaveTextAsync("身份证号码中的出生日期无效");
            await field.FillAsync(family.IdNumber[..12]);
            await field.BlurAsync();
            await Assertions.Expect(check).ToHaveTextAsync("身份证号码应为18位，现为12位");
            await field.FillAsync(family.IdNumber);
            await Assertions.Expect(check).ToHaveTextAsync("号码格式正确（提交后由系统核验）");
            await session.ExpectPageAsync(heading);
        }
    }

    [Fact]
    public async Task AClerkOfAnotherOfficeOrCountyOpeningTheApplicationByAddressIsToldItIsNotFoundAndSeesNothingOfIt()
    {
        var session = await clerk.SessionAsync();
        var family = Family.New();
        var number = await session.FileApplicationAsync(family);

        foreach (var office in new[] { Orgs.OtherOfficeOfCounty, Orgs.OfficeOfOtherCounty })
        {
            await using var other = await ConsoleSession.SignInAsync(session.System, session.System.Accounts.Take("clerk", office));
            foreach (var path in new[] { $"/Applications/{number}", $"/Applications/Receipt/{number}", $"/Applications/{number}/Withdraw" })
            {
                var response = await other.Page.GotoAsync(path);
                Assert.Equal(404, response!.Status);
                await other.ExpectPageAsync("没有找到该申请");
                await Assertions.Expect(other.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("不是本所受理的");
                var html = await other.Page.ContentAsync();
                foreach (var personal in new[] { family.InmateName, family.VisitorName, Mask.Phone(family.Phone), Mask.IdNumber(family.IdNumber), family.Phone })
                {
                    Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
                }
            }

            await Assertions.Expect(await other.SearchAsync(number)).ToHaveCountAsync(0);
        }
    }

    /// <summary>The clerk, signed in once for the class (the identity service takes each authenticator code once).</summary>
    public sealed class SignedInClerk(ConsoleSystem system) : IAsyncLifetime
    {
        private ConsoleSession? _session;

        public async Task<ConsoleSession> SessionAsync() => _session ??= await ConsoleSession.SignInAsync(system, system.Accounts.Take("clerk", Orgs.Office));

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            if (_session is not null)
            {
                await _session.DisposeAsync();
            }
        }
    }
}
