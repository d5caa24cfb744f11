using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The 司法所 clerk at the counter, in the browser, against the real identity service and services:
/// asks whether the family may apply, files their application through the form (check your answers,
/// submit), finds it in the office's list and on the receipt; and sees a refused field beside the
/// field. Every page landed on is scanned for accessibility. The clerk signs in once for the class.
/// </summary>
public sealed partial class ClerkJourneyTests(ClerkJourneyTests.SignedInClerk clerk) : IClassFixture<ClerkJourneyTests.SignedInClerk>
{
    [Fact]
    public async Task TheClerkAsksAboutTheFamilyFilesTheirApplicationOnceAndFindsItInTheListAndOnTheReceipt()
    {
        var session = await clerk.SessionAsync();
        var page = session.Page;
        var family = Family.New();
        await session.OpenAsync("/", "会见管理控制台");
        await Assertions.Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("司法所工作人员");

        // The counter's question: an inmate the register does not know gets the one neutral answer.
        await session.OpenAsync("/Eligibility", "资格核验");
        await session.Field("Form.Inmate.InmateNumber").FillAsync(family.InmateNumber);
        await session.Field("Form.Inmate.Name").FillAsync(family.InmateName);
        await session.FillVisitorAsync(family.IdNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "核验" }).ClickAsync();
        await session.ExpectPageAsync("资格核验");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("请联系监狱会见中心");
        await Assertions.Expect(session.Field("Form.Visitors[0].IdNumber")).ToHaveValueAsync(family.IdNumber);

        await session.OpenAsync("/Applications/New", "受理会见申请");
        await session.FillApplicationAsync(family, family.IdNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：核对" }).ClickAsync();
        await session.ExpectPageAsync("核对申请信息");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(family.InmateName);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(family.IdNumber);

        // A double click: the same form sent twice at once, as two requests that both reach the console.
        var twice = await Task.WhenAll(SubmitTheShownFormAsync(page), SubmitTheShownFormAsync(page));
        Assert.Equal(twice[0], twice[1]);

        // And the clerk's own click on the same form: still the one application.
        await page.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();
        await session.ExpectPageAsync("远程视频会见申请受理回执");
        var number = await page.Locator("#application-number").InnerTextAsync();
        Assert.Equal(twice[0], number);
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "申请编号二维码：" + number });
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the receipt's QR code did not render");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(family.InmateName);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(TestDates.VisitMonth);

        await session.OpenAsync("/Applications", "本所申请");
        var rows = page.GetByRole(AriaRole.Row).Filter(new() { HasText = family.InmateName });
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync(number);
        await Assertions.Expect(rows).ToContainTextAsync("已受理，待县司法局审核");
    }

    [Fact]
    public async Task AWrongIdNumberIsShownBesideItsFieldInChineseWithWhatTheClerkTypedKept()
    {
        var session = await clerk.SessionAsync();
        var page = session.Page;
        var family = Family.New();
        await session.OpenAsync("/Applications/New", "受理会见申请");
        await session.FillApplicationAsync(family, family.MistypedIdNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：核对" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认提交" }).ClickAsync();

        // Back on the form (and still accessible with its errors), the service's refusal beside the field.
        await session.ExpectPageAsync("受理会见申请");
        var beside = page.Locator("[data-valmsg-for='Form.Visitors[0].IdNumber']");
        var message = (await beside.InnerTextAsync()).Trim();
        Assert.Matches(HanCharacters(), message);
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("第1位会见人的身份证号：" + message);
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Form_Visitors_0__IdNumber");
        await Assertions.Expect(session.Field("Form.Visitors[0].IdNumber")).ToHaveValueAsync(family.MistypedIdNumber);
        await Assertions.Expect(session.Field("Form.Inmate.Name")).ToHaveValueAsync(family.InmateName);
        await Assertions.Expect(session.Field("Form.Visitors[0].Phone")).ToHaveValueAsync(family.Phone);
    }

    /// <summary>Posts the form the page shows, with its antiforgery token and the session's cookies; returns the application it led to.</summary>
    private static async Task<string> SubmitTheShownFormAsync(IPage page)
    {
        var fields = await page.EvaluateAsync<string[][]>("() => [...new FormData(document.querySelector('main form'))].map(([k, v]) => [k, String(v)])");
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var field in fields)
        {
            form.Append(field[0], field[1]);
        }

        var response = await page.Context.APIRequest.PostAsync("/Applications/New?handler=Submit", new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(302, response.Status);
        var receipt = Receipt().Match(response.Headers["location"]);
        Assert.True(receipt.Success, $"the submitted form led to {response.Headers["location"]}, not to a receipt");
        return receipt.Groups[1].Value;
    }

    [GeneratedRegex("/Applications/Receipt/([^/?]+)$")]
    private static partial Regex Receipt();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanCharacters();

    /// <summary>The clerk, signed in once for the class (the identity service takes each authenticator code once).</summary>
    public sealed class SignedInClerk(ConsoleSystem system) : IAsyncLifetime
    {
        private ConsoleSession? _session;

        public async Task<ConsoleSession> SessionAsync() => _session ??= await ConsoleSession.SignInAsync(system, system.Clerk);

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
