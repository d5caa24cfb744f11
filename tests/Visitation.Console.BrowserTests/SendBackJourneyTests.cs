using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// Send back for more material (退回补正, docs/send-back.md) in the browser, against the real services:
/// the reviewer sends an application back (an item is required, beside its field), the family's SMS names
/// the items and never the note, the clerk sees it in the office's list and on the application's page, adds
/// the document and resubmits, and the application is back in the reviewer's queue; the officer sends back
/// from the approval page the same way.
/// </summary>
public sealed class SendBackJourneyTests(ConsoleSystem system)
{
    private const string Note = "户口簿复印件字迹不清，请核对原件";

    [Fact]
    public async Task TheReviewerSendsBackTheClerkAddsTheDocumentAndResubmitsAndTheApplicationIsBackInTheQueue()
    {
        await using var clerk = await ConsoleSession.SignInAsync(system, system.Accounts.Take("clerk", Orgs.Office));
        await using var reviewer = await ConsoleSession.SignInAsync(system, system.Accounts.Take("reviewer", Orgs.Bureau));
        var family = Family.New();
        var number = await clerk.FileApplicationAsync(family);
        await reviewer.OpenDecisionAsync(number);
        await reviewer.OpenSendBackAsync();

        // Nothing ticked: the service's refusal beside the items and in the summary; the note kept.
        await reviewer.SendBackAsync([], Note);
        await reviewer.ExpectPageAsync(SendBackPages.SendBack);
        var beside = (await reviewer.Page.Locator("[data-valmsg-for='SendBack.Missing']").InnerTextAsync()).Trim();
        Assert.NotEmpty(beside);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("需要补充的材料：" + beside);
        await Assertions.Expect(reviewer.Field("SendBack_Note")).ToHaveValueAsync(Note);

        await reviewer.SendBackAsync(["户口簿", "亲属关系证明"], Note);
        await reviewer.ExpectPageAsync(ReviewPages.Queue);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(0);

        // The clerk: the office's list, the application's page with what is missing and the SMS sent.
        await clerk.ClerkRowWithStatusAsync(number, "县司法局退回补正");
        await clerk.WaitForSmsAsync(number, "补正材料通知");
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Main)).ToContainTextAsync(Note);
        var texts = await clerk.SmsContainingAsync(family.Phone, "需补充材料：户口簿、亲属关系证明");
        Assert.DoesNotContain(texts, text => text.Contains("字迹", StringComparison.Ordinal));

        await clerk.Page.GetByRole(AriaRole.Link, new() { Name = SendBackPages.Resubmit }).ClickAsync();
        await clerk.ExpectPageAsync(SendBackPages.Resubmit);
        await Assertions.Expect(clerk.Page.Locator("#missing")).ToHaveTextAsync("户口簿、亲属关系证明");
        await clerk.Page.Locator("#Resubmission_Visitors_0__AddedDocuments_RelationshipCertificate").CheckAsync();
        await clerk.Page.GetByLabel("补正说明（写给审核人员，可不填）").FillAsync("已补交亲属关系证明");
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "重新提交" }).ClickAsync();
        await clerk.ExpectPageAsync("申请详情");
        await Assertions.Expect(clerk.Page.Locator("#application-status")).ToHaveTextAsync("已受理，待县司法局审核");
        await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("补正后重新提交");

        // Back in the county's queue, with the document the clerk added.
        await reviewer.OpenDecisionAsync(number);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Main)).ToContainTextAsync("亲属关系证明");
    }

    [Fact]
    public async Task TheOfficerSendsBackFromTheApprovalPageAndTheClerkSeesItWaitingForMaterial()
    {
        var family = Family.New();
        var id = await new PrisonCases(system).BureauApprovedAsync(family);
        await using var officer = await ConsoleSession.SignInAsync(system, system.Accounts.Take("officer", Orgs.Prison));
        await officer.OpenAsync($"/Prison/Approvals/Decide/{id}", "审批申请");
        await officer.OpenSendBackAsync();

        await officer.SendBackAsync(["会见人身份信息更正"], "会见人姓名与户口簿不一致");
        await officer.ExpectPageAsync("待审批");
        await Assertions.Expect(officer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"申请 {id} 已退回司法所补正");
        await Assertions.Expect(officer.TaskCard(id)).ToHaveCountAsync(0);

        await using var clerk = await ConsoleSession.SignInAsync(system, system.Accounts.Take("clerk", Orgs.Office));
        await clerk.ClerkRowWithStatusAsync(id, "监狱退回补正");
        var texts = await clerk.SmsContainingAsync(family.Phone, "需补充材料：会见人身份信息更正");
        Assert.DoesNotContain(texts, text => text.Contains("户口簿不一致", StringComparison.Ordinal));
    }
}
