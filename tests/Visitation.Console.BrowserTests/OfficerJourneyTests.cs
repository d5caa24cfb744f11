using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Privacy;
using Visitation.Rules.Sms;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The 监狱会见中心 officer in the browser, against the real identity service and services: an
/// application filed at the counter and approved by the county bureau (prepared over gRPC by
/// machine clients, <see cref="PrisonCases"/>) shows in the queue with what the rules engine judged;
/// the officer approves it once, moves the proposed slot with the slot picker, and the family's SMS
/// and the venue's agenda carry the new time. A refusal needs its coded reason and note beside the
/// fields, and reaches the family with the neutral sentence for its code.
/// </summary>
public sealed partial class OfficerJourneyTests(ConsoleSystem system)
{
    private readonly PrisonCases _cases = new(system);

    [Fact]
    public async Task TheOfficerSeesTheRulesVerdictsApprovesOnceMovesTheProposalAndTheFamilyAndVenueGetTheNewTime()
    {
        var family = Family.New();
        var id = await _cases.BureauApprovedAsync(family);
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.Take("officer", Orgs.Prison));
        var page = session.Page;

        // The queue: the task with every prison rule judged, the month's quota, the visitor masked.
        await session.OpenAsync("/Prison/Approvals", "待审批");
        await Assertions.Expect(page.Locator("#queue-count")).ToContainTextAsync(QueueCount());
        var card = session.TaskCard(id);
        await Assertions.Expect(card).ToContainTextAsync(family.InmateName);
        await Assertions.Expect(card.Locator(".verdict")).ToHaveTextAsync("规则引擎判定：符合条件，可以批准。");
        var quotaRule = card.RuleRow("本月会见次数未用完");
        await Assertions.Expect(quotaRule).ToContainTextAsync("通过");
        await Assertions.Expect(quotaRule).ToContainTextAsync("[Y 九3]");
        await Assertions.Expect(card.RuleRow("无暂停会见的情形（禁闭、集训、侦查等）")).ToContainTextAsync("通过");
        await Assertions.Expect(card.Locator(".quota")).ToHaveTextAsync("已用 0 次，可会见 1 次，剩余 1 次");
        await Assertions.Expect(card).ToContainTextAsync("首次会见，批准即登记");
        await Assertions.Expect(card).ToContainTextAsync(Mask.IdNumber(family.IdNumber));
        await Assertions.Expect(card).Not.ToContainTextAsync(family.IdNumber);

        // Decide: the approval sent twice at once (a double click's two requests), then clicked: one decision.
        await card.GetByRole(AriaRole.Link, new() { Name = $"审批 {family.InmateName} 的申请" }).ClickAsync();
        await session.ExpectPageAsync("审批申请");
        var action = $"/Prison/Approvals/Decide/{id}?handler=Approve";
        var twice = await Task.WhenAll(session.PostShownFormAsync("form.decision", action), session.PostShownFormAsync("form.decision", action));
        Assert.Contains(twice, response => response.Status == 302);
        await page.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        await session.ExpectPageAsync("待审批");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"申请 {id} 已批准");
        await Assertions.Expect(session.TaskCard(id)).ToHaveCountAsync(0);

        // The proposal, moved with the slot picker to another time of the month.
        await session.OpenUntilShownAsync("/Prison/Proposals", "待确认排期", () => session.ProposalRow(id));
        await Assertions.Expect(session.ProposalRow(id)).ToHaveCountAsync(1);
        var cells = session.ProposalRow(id).Locator("td");
        var proposed = (await cells.Nth(1).InnerTextAsync()).Trim() + " " + (await cells.Nth(2).InnerTextAsync()).Trim()[..5];
        await session.ProposalRow(id).GetByRole(AriaRole.Link, new() { Name = $"为申请 {id} 改期" }).ClickAsync();
        await session.ExpectPageAsync("改期");
        var slots = page.Locator(".slot-picker input[type=radio]");
        Assert.True(await slots.CountAsync() > 1, "the slot picker offers no other time");
        await Assertions.Expect(page.Locator(".slot .capacity").First).ToHaveTextAsync(Capacity());
        var value = (await slots.EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)")).Last(v => v != proposed);
        var (date, start) = (value.Split(' ')[0], value.Split(' ')[1]);
        await page.Locator($".slot-picker input[value='{value}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "改到所选时间并确认" }).ClickAsync();
        await session.ExpectPageAsync("待确认排期");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已确认：申请 {id} 的会见定于 {date} {start}");
        await Assertions.Expect(session.ProposalRow(id)).ToHaveCountAsync(0);

        // The family's SMS gives the new time and the venue's agenda holds the visit there.
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var texts = await session.SmsContainingAsync(family.Phone, $"{day.Year}年{day.Month}月{day.Day}日 {start}");
        Assert.Single(texts, t => t.Contains($"{day.Year}年{day.Month}月{day.Day}日", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("永济市司法局远程视频会见室", StringComparison.Ordinal));
        var agenda = await _cases.VenueAgendaAsync(date);
        var visit = Assert.Single(agenda, v => v.ApplicationId == id);
        Assert.Equal((start, VisitStatus.Scheduled), (visit.StartTime, visit.Status));
    }

    [Fact]
    public async Task ARefusalWithoutItsReasonIsShownBesideTheFieldsAndWithItReachesTheFamilyAsTheCodesSentence()
    {
        var family = Family.New();
        var id = await _cases.BureauApprovedAsync(family);
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.Take("officer", Orgs.Prison));
        var page = session.Page;

        await session.OpenAsync($"/Prison/Approvals/Decide/{id}", "审批申请");
        await Assertions.Expect(session.TaskCard(id)).ToContainTextAsync(family.InmateName);
        await page.GetByRole(AriaRole.Button, new() { Name = "不予批准", Exact = true }).ClickAsync();
        await session.ExpectPageAsync("审批申请");
        var summary = page.GetByRole(AriaRole.Alert);
        foreach (var (field, label) in new[] { ("Refuse.ReasonCode", "不予批准的原因"), ("Refuse.Reason", "告知家属的说明") })
        {
            var beside = (await page.Locator($"[data-valmsg-for='{field}']").InnerTextAsync()).Trim();
            Assert.Matches(HanCharacters(), beside);
            await Assertions.Expect(summary).ToContainTextAsync($"{label}：{beside}");
        }

        await session.Field("Refuse.ReasonCode").SelectOptionAsync(new SelectOptionValue { Label = "亲属关系证明不足" });
        await session.Field("Refuse.Reason").FillAsync("户口簿与亲属关系证明不一致");
        await page.GetByRole(AriaRole.Button, new() { Name = "不予批准", Exact = true }).ClickAsync();
        await session.ExpectPageAsync("待审批");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"申请 {id} 不予批准（亲属关系证明不足：户口簿与亲属关系证明不一致）");
        await Assertions.Expect(session.TaskCard(id)).ToHaveCountAsync(0);

        var texts = await session.SmsContainingAsync(family.Phone, "未获批准");
        var refusal = Assert.Single(texts, t => t.Contains("未获批准", StringComparison.Ordinal));
        Assert.Contains(SmsReasons.ApplicationDetails, refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("户口簿", refusal, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^共 \d+ 件待审批")]
    private static partial Regex QueueCount();

    [GeneratedRegex(@"^监狱终端空闲 [1-4]/4，会见室终端空闲 [12]/2$")]
    private static partial Regex Capacity();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanCharacters();
}
