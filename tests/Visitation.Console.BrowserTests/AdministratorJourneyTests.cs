using System.Text;
using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The three separated administrators in the browser, against the real identity service and audit store:
/// the system administrator creates a clerk who then signs in with the one-time password and sees the
/// clerk's menu; the audit administrator finds that creation in the audit, exports it, and finds the
/// export's own row; a county's system administrator is held to the county; the operator reads the
/// reference data's versions. Each test signs its own fresh accounts in.
/// </summary>
public sealed class AdministratorJourneyTests(ConsoleSystem system)
{
    [Fact]
    public async Task ASystemAdministratorCreatesAClerkWhoSignsInWithTheOneTimePasswordAndTheAuditAdministratorFindsAndExportsTheCreation()
    {
        var userName = NewUserName("clerk");
        CreatedAccount created;
        await using (var admin = await ConsoleSession.SignInAsync(system, system.Accounts.Take("system-admin", Orgs.Province)))
        {
            await admin.OpenAsync("/", "会见管理控制台");
            await Assertions.Expect(admin.Page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(["账号管理"]);
            created = await admin.CreateAccountAsync(userName, "Clerk", Orgs.Office);
            Assert.Matches("^[A-Za-z0-9!-~]{12,}$", created.Password);

            var row = await admin.AccountRowAsync(userName, Orgs.Office);
            await Assertions.Expect(row).ToContainTextAsync("司法所工作人员");
            await Assertions.Expect(row).ToContainTextAsync("尚未绑定身份验证器");
            // The password was on the creation's answer only: the list never shows it.
            await Assertions.Expect(admin.Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(created.Password);
        }

        // The next role: the new clerk's first sign-in (password, then enrolment) lands on the clerk's menu.
        await using (var clerk = await AdminAccounts.FirstSignInAsync(system, created))
        {
            await clerk.OpenAsync("/", "会见管理控制台");
            await Assertions.Expect(clerk.Page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link))
                .ToHaveTextAsync(["资格核验", "受理申请", "本所申请", "未联系上的家属"]);
            await clerk.OpenAsync("/Applications", "本所申请");
        }

        // The audit administrator finds the creation (relayed from the identity service), then exports it.
        await using var auditor = await ConsoleSession.SignInAsync(system, system.Accounts.Take("audit-admin", Orgs.Province));
        var search = $"Filter.RecordType=account&Filter.RecordId={created.AccountId}&Filter.EventType=AccountCreated";
        var creation = await auditor.SearchUntilAsync(search, "新建账号");
        await Assertions.Expect(creation).ToHaveCountAsync(1);
        await Assertions.Expect(creation).ToContainTextAsync("身份认证与账号");
        await Assertions.Expect(creation).ToContainTextAsync(created.AccountId);

        var download = await auditor.Page.RunAndWaitForDownloadAsync(() =>
            auditor.Page.GetByRole(AriaRole.Button, new() { Name = "按当前条件导出 CSV" }).ClickAsync());
        Assert.Matches(@"^audit-\d{8}-\d{6}\.csv$", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("AccountCreated", lines[1], StringComparison.Ordinal);
        Assert.Contains(created.AccountId, lines[1], StringComparison.Ordinal);

        // The export left its trace: the store's own row, found by "my own actions".
        var me = await auditor.Page.GetByRole(AriaRole.Link, new() { Name = "我本人的操作" }).GetAttributeAsync("href");
        var actor = Uri.UnescapeDataString(me!.Split("Filter.ActorUserId=")[1]);
        Assert.False(string.IsNullOrEmpty(actor), "the audit page does not know who is signed in");
        var exported = await auditor.SearchUntilAsync($"Filter.ActorUserId={Uri.EscapeDataString(actor)}&Filter.EventType=Exported", "导出");
        await Assertions.Expect(exported.First).ToContainTextAsync("审计库");
        await Assertions.Expect(exported.First).ToContainTextAsync("rows:1");
    }

    [Fact]
    public async Task ACountysSystemAdministratorIsOfferedOnlyTheCountyAndRefusedAnotherCountysOfficeBesideTheField()
    {
        await using var admin = await ConsoleSession.SignInAsync(system, system.Accounts.Take("system-admin", Orgs.Bureau));
        var page = admin.Page;
        await admin.OpenAsync("/Admin/Accounts/New", "新建账号");
        var organisations = admin.Field("Form.OrganisationId");
        await Assertions.Expect(organisations.Locator($"option[value='{Orgs.Office}']")).ToHaveCountAsync(1);
        await Assertions.Expect(organisations.Locator($"option[value='{Orgs.OfficeOfOtherCounty}']")).ToHaveCountAsync(0);
        await Assertions.Expect(organisations.Locator($"option[value='{Orgs.Province}']")).ToHaveCountAsync(0);

        // A form edited in the browser to name another county's office: the identity service refuses it.
        var userName = NewUserName("clerk");
        await admin.Field("Form.UserName").FillAsync(userName);
        await admin.Field("Form.Role").SelectOptionAsync("Clerk");
        await admin.Field("Form.OrganisationId").EvaluateAsync(
            "(select, id) => { select.add(new Option(id, id)); select.value = id; }", Orgs.OfficeOfOtherCounty);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建账号" }).ClickAsync();
        await admin.ExpectPageAsync("新建账号");
        await Assertions.Expect(page.Locator("[data-valmsg-for='Form.OrganisationId']")).ToHaveTextAsync("不是您管辖的机构");
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("所属机构：不是您管辖的机构");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Form_OrganisationId");
        await Assertions.Expect(admin.Field("Form.UserName")).ToHaveValueAsync(userName);

        // Within the county: a reviewer of the bureau, made its director, then disabled — and the list never holds another county.
        var reviewer = NewUserName("reviewer");
        await admin.CreateAccountAsync(reviewer, "Reviewer", Orgs.Bureau);
        var row = await admin.AccountRowAsync(reviewer, Orgs.Bureau);
        await row.GetByRole(AriaRole.Combobox).SelectOptionAsync("Director");
        await row.GetByRole(AriaRole.Button, new() { Name = "改角色 " + reviewer }).ClickAsync();
        await admin.ExpectPageAsync("账号管理");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已将 {reviewer} 的角色改为审批领导");
        row = await admin.AccountRowAsync(reviewer, Orgs.Bureau);
        await Assertions.Expect(row.Locator(".role")).ToHaveTextAsync("审批领导");
        await row.GetByRole(AriaRole.Button, new() { Name = "停用 " + reviewer }).ClickAsync();
        await admin.ExpectPageAsync("账号管理");
        row = await admin.AccountRowAsync(reviewer, Orgs.Bureau);
        await Assertions.Expect(row.Locator(".state")).ToHaveTextAsync("已停用");

        await admin.OpenAsync("/Admin/Accounts", "账号管理");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "bt-clerk-" + Orgs.OfficeOfOtherCounty + "-1", Exact = true })).ToHaveCountAsync(0);
        var other = await admin.AccountRowAsync("bt-clerk-" + Orgs.OfficeOfOtherCounty + "-1", Orgs.OfficeOfOtherCounty);
        await Assertions.Expect(other).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("没有符合条件的账号");
    }

    [Fact]
    public async Task TheOperatorReadsTheReferenceDataAndPolicyVersionsTheConsoleRunsOn()
    {
        await using var operatorSession = await ConsoleSession.SignInAsync(system, system.Accounts.Take("operator", Orgs.Province));
        var page = operatorSession.Page;
        await operatorSession.OpenAsync("/", "会见管理控制台");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "参考数据" }).ClickAsync();
        await operatorSession.ExpectPageAsync("参考数据");
        await Assertions.Expect(page.Locator("#reference-fingerprint")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^sha256:[0-9a-f]{16}$"));
        await Assertions.Expect(page.Locator("#policy-fingerprint")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^sha256:[0-9a-f]{16}$"));
        await Assertions.Expect(page.Locator("table.policies")).ToContainTextAsync("shanxi-yongji-2026.1");
        await Assertions.Expect(page.Locator("table.holidays")).ToContainTextAsync("春节");
    }

    /// <summary>A user name no other test or run has (the identity database is the run's own).</summary>
    private static string NewUserName(string role) => $"bt-new-{role}-{Guid.NewGuid().ToString("N")[..10]}";
}
