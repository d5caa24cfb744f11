using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The county reviewer refuses one visitor while approving the application for the others
/// (docs/visitor-refusal-and-no-shows.md), in the browser against the real services, with the officer's control: removing
/// every adult is refused beside the control, removing the brother passes the application on, and the family's SMS names
/// the brother by position and relation only.
/// </summary>
public sealed class ReviewerVisitorRemovalTests(ConsoleSystem system)
{
    [Fact]
    public async Task TheReviewerRemovesTheBrotherAndApprovesTheMotherAfterBeingToldAnAdultMustRemain()
    {
        var family = Family.New();
        var brother = Family.New();
        var id = await new PrisonCases(system).InBureauQueueAsync(family, submission => submission.Visitors.Add(new VisitorInput
        {
            Name = "王建国", IdNumber = brother.IdNumber, Phone = family.Phone, Relation = Relation.Brother,
            Documents = { DocumentKind.ResidentId, DocumentKind.HouseholdRegister, DocumentKind.RecentPhoto },
        }));
        await using var reviewer = await ConsoleSession.SignInAsync(system, system.Accounts.Take("reviewer", Orgs.Bureau));
        await reviewer.OpenDecisionAsync(id);
        var brotherChoice = reviewer.Page.GetByLabel("第2位会见人：王建国（兄弟）");
        var approve = reviewer.Page.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true });

        // Every adult removed: refused, said beside the control, nothing decided.
        await reviewer.Page.Locator("#remove-visitor-0").SelectOptionAsync(new SelectOptionValue { Label = "不予会见：身份未能核实" });
        await brotherChoice.SelectOptionAsync(new SelectOptionValue { Label = "不予会见：证明材料不全" });
        await approve.ClickAsync();
        await reviewer.ExpectPageAsync(ReviewPages.Decision);
        await Assertions.Expect(reviewer.Page.Locator("fieldset.removals .field-error")).ToContainTextAsync("至少须保留一名成年会见人；全部不予会见请选择“不同意”");

        // The mother kept, the brother removed: approved, and on to the prison.
        await reviewer.Page.Locator("#remove-visitor-0").SelectOptionAsync(new SelectOptionValue { Label = "照常会见" });
        await Assertions.Expect(brotherChoice).ToHaveValueAsync(nameof(VisitorRemovalReason.DocumentsMissing));
        await approve.ClickAsync();
        await reviewer.ExpectPageAsync(ReviewPages.Queue);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已同意申请 {id}");
        await using var clerk = await ConsoleSession.SignInAsync(system, system.Accounts.Take("clerk", Orgs.Office));
        var texts = await clerk.SmsContainingAsync(family.Phone, "已通过县司法局复审，但第2位会见人（兄弟）不能参加本次会见");
        Assert.All(texts, text => Assert.DoesNotContain("建国", text, StringComparison.Ordinal));
    }
}
