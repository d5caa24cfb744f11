using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// Refusing one visitor while approving the visit (docs/visitor-refusal-and-no-shows.md) in the browser,
/// against the real services: on the decide page the officer picks a reason beside the brother, approves,
/// the queue says who was refused, and the family's SMS names the brother by position and relation only.
/// </summary>
public sealed class VisitorRemovalJourneyTests(ConsoleSystem system)
{
    [Fact]
    public async Task TheOfficerRefusesTheBrotherApprovesTheMotherAndTheFamilyIsToldWithoutHisName()
    {
        var family = Family.New();
        var brother = Family.New();
        var id = await new PrisonCases(system).BureauApprovedAsync(family, submission => submission.Visitors.Add(new VisitorInput
        {
            Name = "王建国", IdNumber = brother.IdNumber, Phone = family.Phone, Relation = Relation.Brother,
            Documents = { DocumentKind.ResidentId, DocumentKind.HouseholdRegister, DocumentKind.RecentPhoto },
        }));
        await using var officer = await ConsoleSession.SignInAsync(system, system.Accounts.Take("officer", Orgs.Prison));
        await officer.OpenAsync($"/Prison/Approvals/Decide/{id}", "审批申请");

        await officer.Page.GetByLabel("第2位会见人：王建国（兄弟）").SelectOptionAsync(new SelectOptionValue { Label = "不予会见：证明材料不全" });
        await officer.Page.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();

        await officer.ExpectPageAsync("待审批");
        await Assertions.Expect(officer.Page.GetByRole(AriaRole.Status))
            .ToContainTextAsync($"申请 {id} 已批准（第2位会见人（兄弟）不予会见：身份或关系证明材料不全。已短信告知家属）");
        await using var clerk = await ConsoleSession.SignInAsync(system, system.Accounts.Take("clerk", Orgs.Office));
        var texts = await clerk.SmsContainingAsync(family.Phone, "第2位会见人（兄弟）不能参加本次会见");
        Assert.All(texts, text => Assert.DoesNotContain("建国", text, StringComparison.Ordinal));
    }
}
