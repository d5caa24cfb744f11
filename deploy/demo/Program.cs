using System.Globalization;
using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Demo;
using Visitation.Rules.Identity;
using Visitation.ServiceDefaults.Auth;

// Endpoints come from deploy/run.sh; the defaults are its ports.
string Endpoint(string name, string fallback) => Environment.GetEnvironmentVariable(name) ?? fallback;
using var tokens = new IdentityTokens(new Uri(Endpoint("DEMO_IDENTITY", "http://127.0.0.1:5106/")), Endpoint("DEMO_IDENTITY_SEED", ".local/dev/identity/seed.json"));
async Task<CallInvoker> Channel(string address, string role, string org, string scope)
{
    var token = await tokens.ForAsync(role, org, scope);
    var channel = GrpcChannel.ForAddress(address);
    return channel.Intercept(metadata =>
    {
        metadata.Add("Authorization", $"Bearer {token}");
        return metadata;
    });
}

const string office = "yongji-chengxi-office", county = "yongji-bureau", prison = "yongji-prison";
var clerk = new ApplicationService.ApplicationServiceClient(await Channel(Endpoint("DEMO_APPLICATION", "http://127.0.0.1:5101"), Roles.Clerk, office, "application"));
var reviewer = new BureauReviewService.BureauReviewServiceClient(await Channel(Endpoint("DEMO_BUREAU", "http://127.0.0.1:5102"), Roles.Reviewer, county, "bureau-review"));
var officer = new PrisonApprovalService.PrisonApprovalServiceClient(await Channel(Endpoint("DEMO_PRISON", "http://127.0.0.1:5103"), Roles.Officer, prison, "prison-approval"));
var clerkAsking = new PrisonApprovalService.PrisonApprovalServiceClient(await Channel(Endpoint("DEMO_PRISON", "http://127.0.0.1:5103"), Roles.Clerk, office, "prison-approval"));
var visitCentre = new SchedulingService.SchedulingServiceClient(await Channel(Endpoint("DEMO_SCHEDULING", "http://127.0.0.1:5104"), Roles.Officer, prison, "scheduling"));
using var gateway = new HttpClient { BaseAddress = new Uri(Endpoint("DEMO_SMS_GATEWAY", "http://127.0.0.1:5199/")) };

async Task<T> WaitFor<T>(string what, Func<Task<T?>> probe) where T : class
{
    for (var i = 0; i < 200; i++)
    {
        if (await probe() is { } found)
        {
            return found;
        }

        await Task.Delay(150);
    }

    throw new TimeoutException($"Timed out waiting for {what}");
}

var phone = "138" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
var inmateNumber = "YJ2026" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
var month = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(11).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

Console.WriteLine("== 监狱会见中心：导入罪犯名册");
await officer.ImportInmatesAsync(new ImportInmatesRequest
{
    Inmates = { new InmateRecord { InmateNumber = inmateNumber, Name = "张建国", PrisonArea = "3", ManagementLevel = ManagementLevel.Normal } },
});

var mother = new VisitorInput
{
    Name = "王秀英", IdNumber = ResidentIdNumber.WithCheckCharacter("14088119650314002"), Phone = phone,
    Relation = Relation.Mother, IsContact = true, Documents = { DocumentKind.ResidentId, DocumentKind.HouseholdRegister, DocumentKind.RecentPhoto },
};

Console.WriteLine($"== 司法所：提交前查询 {month} 能否会见");
var answer = await clerkAsking.CheckEligibilityAsync(new CheckEligibilityRequest
{
    Inmate = new EligibilityInmate { PrisonId = prison, InmateNumber = inmateNumber, Name = "张建国" },
    VisitMonth = month,
    Purpose = EligibilityPurpose.CounterApplication,
    Visitors = { new EligibilityVisitor { IdNumber = mother.IdNumber, Relation = mother.Relation, Documents = { mother.Documents } } },
});
Console.WriteLine(answer.Outcome switch
{
    EligibilityOutcome.Eligible => "   可以申请",
    EligibilityOutcome.VisitorsIneligible => $"   不能申请：{string.Concat(answer.Failures.Select(f => f.Message))}",
    _ => $"   {answer.Message}",
});

Console.WriteLine($"== 司法所：受理并提交 {month} 的远程视频会见申请");
var submitted = await clerk.SubmitApplicationAsync(new SubmitApplicationRequest
{
    RequestId = Guid.NewGuid().ToString(),
    Inmate = new InmateAsKnown { Name = "张建国", PrisonId = prison, PrisonArea = "3" },
    Visitors = { mother },
    VisitMonth = month,
    VenueId = "yongji-venue",
});
var id = submitted.ApplicationId;
Console.WriteLine($"   申请编号 {id}");

await WaitFor("the bureau's task", async () => (await reviewer.ListPendingReviewsAsync(new ListPendingReviewsRequest())).Tasks.FirstOrDefault(t => t.ApplicationId == id));
Console.WriteLine("== 县司法局：复审通过");
await reviewer.ApproveApplicationAsync(new ApproveReviewRequest { ApplicationId = id, Note = "材料齐全，亲属关系属实" });

await WaitFor("the prison's task", async () => (await officer.ListPendingApprovalsAsync(new ListPendingApprovalsRequest())).Tasks.FirstOrDefault(t => t.ApplicationId == id));
Console.WriteLine("== 监狱会见中心：核实亲属关系和会见资格，审批通过");
// The officer names the register entry: repeated demo runs leave several inmates of the same name.
var decision = await officer.ApproveApplicationAsync(new PrisonApproveRequest { ApplicationId = id, InmateNumber = inmateNumber });
if (!decision.Approved)
{
    Console.WriteLine($"   监狱审批未通过（{decision.ReasonCode}）：{decision.Reason}");
    return 1;
}

var proposal = await WaitFor("the proposed slot", async () => (await visitCentre.ListProposalsAsync(new ListProposalsRequest())).Visits.FirstOrDefault(v => v.ApplicationId == id));
Console.WriteLine($"== 排期：建议 {proposal.Date} {proposal.StartTime}；监狱会见中心确认");
await visitCentre.ConfirmVisitAsync(new ConfirmVisitRequest { VisitId = proposal.VisitId });

var application = await WaitFor("the scheduled SMS", async () =>
{
    var a = await clerk.GetApplicationAsync(new GetApplicationRequest { ApplicationId = id });
    return a.Status == ApplicationStatus.Scheduled && a.Timeline.Count(t => t.Event == TimelineEvent.SmsSent) == 2 ? a : null;
});

Console.WriteLine();
Console.WriteLine($"== 申请时间线（状态：{application.Status}）");
foreach (var step in application.Timeline)
{
    var at = step.At.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
    Console.WriteLine($"   {at:yyyy-MM-dd HH:mm:ss}  {step.Stage,-16} {step.Event,-16} {step.Actor,-14} {step.Detail}");
}

Console.WriteLine();
Console.WriteLine("== 短信网关收到的短信");
foreach (var sms in await gateway.GetFromJsonAsync<List<Sms>>(new Uri($"sms?phone={phone}", UriKind.Relative)) ?? [])
{
    Console.WriteLine($"   → {phone[..3]}****{phone[^4..]}: {sms.Text}");
}

Console.WriteLine();
Console.WriteLine("== 审计管理员（省级）：审计库中关于该申请及其会见的审计记录");
await ShowAuditAsync();

Console.WriteLine();
Console.WriteLine("== 系统管理员（省级）：经身份服务管理接口（gRPC，HTTP/2）列出账号");
await ShowAccountsAsync();

return 0;

// A machine client the run folder may predate (deploy/run.sh added it later): without it, the step is skipped, saying how to get it.
async Task<CallInvoker?> ChannelIfSeeded(string address, string role, string org, string scope)
{
    try
    {
        return await Channel(address, role, org, scope);
    }
    catch (InvalidOperationException ex)
    {
        Console.WriteLine($"   （跳过：{ex.Message} 删除 .local/dev 下的身份库与 seed.json 后重新运行 deploy/run.sh 即可生成）");
        return null;
    }
}

// The province's system administrator (a machine client) lists the accounts of its subtree through the
// identity service's administration API, on its HTTP/2 endpoint (docs/identity.md, "Administration API").
async Task ShowAccountsAsync()
{
    if (await ChannelIfSeeded(Endpoint("DEMO_IDENTITY_ADMIN", "http://127.0.0.1:5116"), Roles.SystemAdministrator, "shanxi", "identity-admin") is not { } invoker)
    {
        return;
    }

    var admin = new IdentityAdminService.IdentityAdminServiceClient(invoker);
    var accounts = new List<AccountView>();
    var page = new ListAccountsReply();
    do
    {
        page = await admin.ListAccountsAsync(new ListAccountsRequest { Page = new PageRequest { PageSize = 200, PageToken = page.NextPageToken } });
        accounts.AddRange(page.Accounts);
    }
    while (page.NextPageToken.Length > 0);
    Console.WriteLine($"   山西省及其下属机构共 {accounts.Count} 个账号");
    foreach (var account in accounts.OrderBy(a => a.OrganisationId, StringComparer.Ordinal).ThenBy(a => a.UserName, StringComparer.Ordinal))
    {
        Console.WriteLine($"   {account.UserName,-18} {account.Role,-28} {account.OrganisationId,-24} {(account.Enabled ? "启用" : "停用")}");
    }
}

// The audit administrator of the province signs in as a machine client and counts the store's rows
// about the application and its visit, once every decision's row has been relayed (docs/audit-store.md).
// Scheduling audits the visit by its own id (record type "visit"): its proposal and confirmation are
// found under the visit, not the application.
async Task ShowAuditAsync()
{
    if (await ChannelIfSeeded(Endpoint("DEMO_AUDIT_STORE", "http://127.0.0.1:5107"), Roles.AuditAdministrator, "shanxi", "audit-store") is not { } invoker)
    {
        return;
    }

    var auditor = new AuditStoreService.AuditStoreServiceClient(invoker);
    AuditFilter[] filters = [new() { RecordType = "application", RecordId = id }, new() { RecordType = "visit", RecordId = proposal.VisitId }];
    string[] decisions = ["ApplicationSubmitted", "ReviewApproved", "ApprovalApproved", "VisitProposed", "VisitConfirmed"];
    var rows = await WaitFor("the decisions' audit rows in the store", async () =>
    {
        var found = new List<AuditRowView>();
        foreach (var filter in filters)
        {
            var page = new SearchAuditReply { NextPageToken = "" };
            do
            {
                page = await auditor.SearchAuditAsync(new SearchAuditRequest { Filter = filter, Page = new PageRequest { PageSize = 200, PageToken = page.NextPageToken } });
                found.AddRange(page.Rows);
            }
            while (page.NextPageToken.Length > 0);
        }

        return decisions.All(d => found.Any(r => r.EventType == d)) ? found : null;
    });
    Console.WriteLine($"   申请 {id} 及其会见 {proposal.VisitId}：审计库共 {rows.Count} 条记录");
    foreach (var group in rows.GroupBy(r => (r.Service, r.EventType)).OrderBy(g => g.Min(r => r.RecordedAt)))
    {
        Console.WriteLine($"   {group.Key.Service,-16} {group.Key.EventType,-22} {group.Count()}");
    }
}

internal sealed record Sms(string Phone, string Text);
