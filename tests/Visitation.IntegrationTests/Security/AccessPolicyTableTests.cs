using Visitation.Contracts.Grpc.AuditStore;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Access;
using Visitation.Workflow.ReferenceData;

namespace Visitation.IntegrationTests.Security;

/// <summary>
/// The policy table itself: it lists exactly the RPCs the protos declare (so a new RPC is refused
/// until someone decides who may call it, and cannot be forgotten), the administrators call none of
/// them, a method it does not list is refused, and docs/access.md shows it as it is.
/// </summary>
public sealed class AccessPolicyTableTests
{
    private const string TableStart = "<!-- policy-table:start (generated from AccessPolicyTable; AccessPolicyTableTests fails when they differ) -->";
    private const string TableEnd = "<!-- policy-table:end -->";

    private static readonly ReferenceDataSet Shipped = ReferenceDataLoader.LoadFrom(Path.Combine(AppContext.BaseDirectory, "reference-data"));

    [Fact]
    public void TheTableListsEveryRpcOfEveryServiceAndNoOther()
    {
        var declared = Rpcs.All.Select(Rpcs.FullName).Order(StringComparer.Ordinal).ToList();
        var listed = AccessPolicyTable.Methods.Select(m => m.FullName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(6, Rpcs.Services.Count);
        Assert.Equal(declared, listed);
        Assert.Equal(declared, AccessProbes.Methods.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryRpcAllowsSomeRoleTheAdministratorsNoneOfTheChainsAndTheAuditStoreOnlyTheAuditAdministrator()
    {
        string[] administrators = [Roles.SystemAdministrator, Roles.SecurityAdministrator, Roles.AuditAdministrator];
        var auditStore = AccessPolicyTable.Methods.Where(m => m.Service == AuditStoreService.Descriptor.FullName).ToList();

        Assert.All(AccessPolicyTable.Methods, m => Assert.NotEmpty(m.Roles));
        Assert.All(AccessPolicyTable.Methods.Except(auditStore), m => Assert.DoesNotContain(m.Roles.Keys, administrators.Contains));
        Assert.Equal(2, auditStore.Count);
        Assert.All(auditStore, m => Assert.Equal([Roles.AuditAdministrator], m.Roles.Keys));
        Assert.All(auditStore, m => Assert.Equal(Scope.OwnSubtree, m.Roles[Roles.AuditAdministrator]));
        Assert.All(AccessPolicyTable.Methods.SelectMany(m => m.Roles.Keys), role => Assert.Contains(role, Roles.All));
        Assert.Equal(Roles.All.Order(StringComparer.Ordinal), AccessPolicyTable.RoleOrganisations.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AMethodTheTableDoesNotListIsRefusedForEveryRole()
    {
        var policy = new ReferenceDataAccessPolicy(Shipped);

        Assert.All(Roles.All, role => Assert.Null(policy.Reach("/visitation.application.v1.ApplicationService/DeleteEverything", role, Orgs.Office)));
        Assert.NotNull(policy.Reach("/visitation.application.v1.ApplicationService/GetApplication", Roles.Clerk, Orgs.Office));
    }

    [Fact]
    public void AScopeReachesTheCallersOrganisationAndWhatLiesBelowItOnly()
    {
        var policy = new ReferenceDataAccessPolicy(Shipped);

        Assert.Equal([Orgs.Office], policy.Reach("/visitation.application.v1.ApplicationService/GetApplication", Roles.Clerk, Orgs.Office));
        Assert.Equal(
            [Orgs.County, Orgs.Office, "yongji-chengdong-office", Orgs.Venue],
            policy.Reach("/visitation.bureaureview.v1.BureauReviewService/ApproveApplication", Roles.Reviewer, Orgs.County));
        Assert.Equal([Orgs.Prison], policy.Reach("/visitation.prisonapproval.v1.PrisonApprovalService/RecordSpecialApproval", Roles.Director, Orgs.Prison));
        Assert.Null(policy.Reach("/visitation.prisonapproval.v1.PrisonApprovalService/RecordSpecialApproval", Roles.Director, Orgs.County)); // a bureau has no prison
        Assert.Equal(
            ["ningxia", "xingqing-bureau", "xingqing-fenghuang-office", "xingqing-venue", Orgs.NingxiaCounty, Orgs.NingxiaOffice, Orgs.NingxiaVenue, Orgs.NingxiaPrison, Orgs.NingxiaJuvenilePrison],
            policy.Reach("/visitation.notification.v1.NotificationService/ListMessages", Roles.Operator, "ningxia"));
        // The audit administrator's subtree, whatever its organisation's kind.
        Assert.Equal(
            [Orgs.County, Orgs.Office, "yongji-chengdong-office", Orgs.Venue],
            policy.Reach("/visitation.auditstore.v1.AuditStoreService/SearchAudit", Roles.AuditAdministrator, Orgs.County));
        Assert.Equal([Orgs.Prison], policy.Reach("/visitation.auditstore.v1.AuditStoreService/ExportAudit", Roles.AuditAdministrator, Orgs.Prison));
        Assert.Contains(Orgs.Prison, policy.Reach("/visitation.auditstore.v1.AuditStoreService/SearchAudit", Roles.AuditAdministrator, Orgs.Province)!);
    }

    [Fact]
    public void TheRoleTableInDocsAccessMdIsThePolicyTable()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "access.md"));
        var start = doc.IndexOf(TableStart, StringComparison.Ordinal);
        var end = doc.IndexOf(TableEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/access.md has no {TableStart} … {TableEnd} section.");

        var documented = doc[(start + TableStart.Length)..end].Trim().ReplaceLineEndings("\n");

        Assert.True(documented == RoleTable(), $"docs/access.md's table is not the policy table's; between the markers write:\n\n{RoleTable()}\n");
    }

    /// <summary>The table as docs/access.md shows it: one row per RPC, one column per role, the scope where allowed.</summary>
    internal static string RoleTable()
    {
        var lines = new List<string>
        {
            "| RPC | " + string.Join(" | ", Roles.All) + " |",
            "|---|" + string.Concat(Roles.All.Select(_ => "---|")),
        };
        lines.AddRange(AccessPolicyTable.Methods.Select(m =>
            $"| `{m.Service.Split('.')[^1]}.{m.Method}` | " + string.Join(" | ", Roles.All.Select(role => m.Roles.TryGetValue(role, out var scope) ? Label(scope) : "—")) + " |"));
        return string.Join('\n', lines);
    }

    private static string Label(Scope scope) => scope switch
    {
        Scope.OwnOffice => "own office",
        Scope.OwnBureau => "own bureau",
        Scope.OwnPrison => "own prison",
        Scope.OwnVenue => "own venue",
        Scope.OwnProvince => "own province",
        Scope.OwnSubtree => "own subtree",
        _ => "any",
    };

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Visitation.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No Visitation.sln above {AppContext.BaseDirectory}.");
    }
}
