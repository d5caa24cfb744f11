using Google.Protobuf.Reflection;
using Visitation.ServiceDefaults.Auth;
using AuditStoreApi = Visitation.Contracts.Grpc.AuditStore.AuditStoreService;
using AuditStoreRpc = Visitation.Contracts.Grpc.AuditStore.AuditStoreService.AuditStoreServiceBase;
using ApplicationApi = Visitation.Contracts.Grpc.Application.ApplicationService;
using ApplicationRpc = Visitation.Contracts.Grpc.Application.ApplicationService.ApplicationServiceBase;
using BureauApi = Visitation.Contracts.Grpc.BureauReview.BureauReviewService;
using BureauRpc = Visitation.Contracts.Grpc.BureauReview.BureauReviewService.BureauReviewServiceBase;
using NotificationApi = Visitation.Contracts.Grpc.Notification.NotificationService;
using NotificationRpc = Visitation.Contracts.Grpc.Notification.NotificationService.NotificationServiceBase;
using PrisonApi = Visitation.Contracts.Grpc.PrisonApproval.PrisonApprovalService;
using PrisonRpc = Visitation.Contracts.Grpc.PrisonApproval.PrisonApprovalService.PrisonApprovalServiceBase;
using SchedulingApi = Visitation.Contracts.Grpc.Scheduling.SchedulingService;
using SchedulingRpc = Visitation.Contracts.Grpc.Scheduling.SchedulingService.SchedulingServiceBase;

namespace Visitation.Workflow.Access;

/// <summary>
/// Need-to-know, as one table: for every RPC of the five services and the audit store, whether it
/// reads or changes (<see cref="RpcKind"/>), the roles that may call it and the scope each reaches. A
/// method not listed here is refused, a role not listed for a method is refused (PERMISSION_DENIED, by
/// <see cref="AccessInterceptor"/>), and a record outside the scope is answered as an unknown one (NOT_FOUND, by the handler's query through <see cref="Caller.Organisations"/>).
/// The administrator roles (system, security, audit) call none of the chain's RPCs, and only the
/// audit administrator calls the audit store's; docs/access.md
/// shows this table and a test keeps the two equal.
/// </summary>
public static class AccessPolicyTable
{
    private static readonly Grant Clerk = new(Roles.Clerk, Scope.OwnOffice);
    private static readonly Grant Reviewer = new(Roles.Reviewer, Scope.OwnBureau);
    private static readonly Grant Officer = new(Roles.Officer, Scope.OwnPrison);
    private static readonly Grant Venue = new(Roles.VenueStaff, Scope.OwnVenue);
    private static readonly Grant PrisonDirector = new(Roles.Director, Scope.OwnPrison);
    private static readonly Grant ProvinceOperator = new(Roles.Operator, Scope.OwnProvince);
    private static readonly Grant AuditAdministrator = new(Roles.AuditAdministrator, Scope.OwnSubtree);

    /// <summary>The kinds of organisation a token of each role may name; any other is refused on every call.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<OrganisationKind>> RoleOrganisations { get; } = new Dictionary<string, IReadOnlyList<OrganisationKind>>
    {
        [Roles.Clerk] = [OrganisationKind.JudicialOffice],
        [Roles.Reviewer] = [OrganisationKind.CountyBureau],
        [Roles.Officer] = [OrganisationKind.Prison],
        [Roles.VenueStaff] = [OrganisationKind.Venue],
        // A prison's director signs its special approvals; a bureau's has no call in the chain yet.
        [Roles.Director] = [OrganisationKind.Prison, OrganisationKind.CountyBureau],
        [Roles.Operator] = [OrganisationKind.Province],
        // Administrators administer the accounts of their organisation's subtree (the identity service).
        [Roles.SystemAdministrator] = Enum.GetValues<OrganisationKind>(),
        [Roles.SecurityAdministrator] = Enum.GetValues<OrganisationKind>(),
        [Roles.AuditAdministrator] = Enum.GetValues<OrganisationKind>(),
    };

    /// <summary>Every RPC, in the order of the protos.</summary>
    public static IReadOnlyList<MethodAccess> Methods { get; } =
    [
        // application.proto: the judicial offices' counter.
        Change(ApplicationApi.Descriptor, nameof(ApplicationRpc.SubmitApplication), Clerk),
        Read(ApplicationApi.Descriptor, nameof(ApplicationRpc.GetApplication), Clerk),
        Read(ApplicationApi.Descriptor, nameof(ApplicationRpc.ListApplications), Clerk),
        Change(ApplicationApi.Descriptor, nameof(ApplicationRpc.WithdrawApplication), Clerk),
        Change(ApplicationApi.Descriptor, nameof(ApplicationRpc.ResubmitApplication), Clerk),
        Read(ApplicationApi.Descriptor, nameof(ApplicationRpc.GetApplicationReport), Reviewer, Officer, PrisonDirector),
        // The office's list of families an SMS could not reach: the office phones them (docs/family-not-reached.md).
        Read(ApplicationApi.Descriptor, nameof(ApplicationRpc.ListFamiliesNotReached), Clerk),
        Read(ApplicationApi.Descriptor, nameof(ApplicationRpc.CountFamiliesNotReached), Clerk),
        Change(ApplicationApi.Descriptor, nameof(ApplicationRpc.CloseFamilyNotReached), Clerk),

        // bureau_review.proto: the county bureau's re-review of its own offices' applications.
        Read(BureauApi.Descriptor, nameof(BureauRpc.ListPendingReviews), Reviewer),
        Change(BureauApi.Descriptor, nameof(BureauRpc.ApproveApplication), Reviewer),
        Change(BureauApi.Descriptor, nameof(BureauRpc.RejectApplication), Reviewer),
        Change(BureauApi.Descriptor, nameof(BureauRpc.SendBackApplication), Reviewer),
        Read(BureauApi.Descriptor, nameof(BureauRpc.ListOverdueReviews), Reviewer),

        // prison_approval.proto: the prison's visit centre and register.
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.ImportInmates), Officer),
        Read(PrisonApi.Descriptor, nameof(PrisonRpc.ListPendingApprovals), Officer),
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.ApproveApplication), Officer),
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.RejectApplication), Officer),
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.SendBackApplication), Officer),
        Read(PrisonApi.Descriptor, nameof(PrisonRpc.ListOverdueApprovals), Officer),
        Read(PrisonApi.Descriptor, nameof(PrisonRpc.GetInmate), Officer, PrisonDirector),
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.RecordDeparture), Officer),
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.SetInmateStatus), Officer),
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.EndInmateStatus), Officer),
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.MoveInmateArea), Officer),
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.BarVisitor), Officer),
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.RecordOnSiteVisit), Officer),
        // The paper approval's chain ends at the prison's leadership (Shanxi) or its director (Ningxia):
        // the director who signed records it, not the visit centre.
        Change(PrisonApi.Descriptor, nameof(PrisonRpc.RecordSpecialApproval), PrisonDirector),
        // The counter's question (may this family apply?), answered within the office's need to know
        // (docs/eligibility-check.md); officers read their prison's inmates whole through GetInmate.
        Read(PrisonApi.Descriptor, nameof(PrisonRpc.CheckEligibility), Clerk, Reviewer),

        // scheduling.proto: the visit centre runs the call, the venue receives the family.
        Read(SchedulingApi.Descriptor, nameof(SchedulingRpc.ListProposals), Officer),
        Read(SchedulingApi.Descriptor, nameof(SchedulingRpc.ListFreeSlots), Officer),
        Change(SchedulingApi.Descriptor, nameof(SchedulingRpc.ConfirmVisit), Officer),
        Read(SchedulingApi.Descriptor, nameof(SchedulingRpc.GetVenueAgenda), Venue, Reviewer),
        // A prison area's published video days: what the counter tells a family, nobody's records.
        Read(SchedulingApi.Descriptor, nameof(SchedulingRpc.ListVisitDays),
            new(Roles.Clerk, Scope.Unscoped), new(Roles.Reviewer, Scope.Unscoped), new(Roles.Officer, Scope.Unscoped), new(Roles.VenueStaff, Scope.Unscoped)),
        Read(SchedulingApi.Descriptor, nameof(SchedulingRpc.GetVisit), Officer, Venue),
        Change(SchedulingApi.Descriptor, nameof(SchedulingRpc.CheckIn), Venue),
        Change(SchedulingApi.Descriptor, nameof(SchedulingRpc.StartVisit), Officer),
        Change(SchedulingApi.Descriptor, nameof(SchedulingRpc.InterruptVisit), Officer),
        Change(SchedulingApi.Descriptor, nameof(SchedulingRpc.ResumeVisit), Officer),
        Change(SchedulingApi.Descriptor, nameof(SchedulingRpc.CompleteVisit), Officer),
        Change(SchedulingApi.Descriptor, nameof(SchedulingRpc.TerminateVisit), Officer),
        Change(SchedulingApi.Descriptor, nameof(SchedulingRpc.CancelVisit), Officer, Venue),
        Change(SchedulingApi.Descriptor, nameof(SchedulingRpc.CancelDay), Officer, Venue),
        Read(SchedulingApi.Descriptor, nameof(SchedulingRpc.ListClosures), Officer, Venue),
        Change(SchedulingApi.Descriptor, nameof(SchedulingRpc.ReopenClosure), Officer, Venue),
        Read(SchedulingApi.Descriptor, nameof(SchedulingRpc.ListAffectedVisits), Officer),

        // notification.proto: an application's SMS, for its office, the province's operators, and the
        // prison's officers, who name the families a closure will tell (masked phones) before closing.
        Read(NotificationApi.Descriptor, nameof(NotificationRpc.ListMessages), Clerk, Officer, ProvinceOperator),
        // The SMS templates are the same for every province: any operator may preview them (docs/sms-providers.md).
        Read(NotificationApi.Descriptor, nameof(NotificationRpc.ListSmsTemplates), new Grant(Roles.Operator, Scope.Unscoped)),

        // audit_store.proto: the audit administrator alone, over the rows of its organisation's subtree
        // (docs/audit-store.md); the system and security administrators read no audit.
        Read(AuditStoreApi.Descriptor, nameof(AuditStoreRpc.SearchAudit), AuditAdministrator),
        Read(AuditStoreApi.Descriptor, nameof(AuditStoreRpc.ExportAudit), AuditAdministrator),
    ];

    /// <summary>The table by full gRPC method name (<c>/package.Service/Method</c>), as a call names it.</summary>
    public static IReadOnlyDictionary<string, MethodAccess> ByFullName { get; } = Methods.ToDictionary(m => m.FullName, StringComparer.Ordinal);

    /// <summary>The kind of organisation a scope is relative to; null when it is relative to none.</summary>
    public static OrganisationKind? KindOf(Scope scope) => scope switch
    {
        Scope.OwnOffice => OrganisationKind.JudicialOffice,
        Scope.OwnBureau => OrganisationKind.CountyBureau,
        Scope.OwnPrison => OrganisationKind.Prison,
        Scope.OwnVenue => OrganisationKind.Venue,
        Scope.OwnProvince => OrganisationKind.Province,
        _ => null,
    };

    /// <summary>A call that returns what it names and changes nothing (a search, a list, a question).</summary>
    private static MethodAccess Read(ServiceDescriptor service, string method, params Grant[] grants) => Rpc(service, method, RpcKind.Read, grants);

    /// <summary>A call that changes what it names: a decision, a record, a step of an application or a visit.</summary>
    private static MethodAccess Change(ServiceDescriptor service, string method, params Grant[] grants) => Rpc(service, method, RpcKind.Change, grants);

    private static MethodAccess Rpc(ServiceDescriptor service, string method, RpcKind kind, Grant[] grants)
    {
        // nameof names the generated base's method, which is the proto's: a rename fails the build, a typo here at start-up.
        var descriptor = service.FindMethodByName(method) ?? throw new InvalidOperationException($"{service.FullName} has no method {method}.");
        return new MethodAccess(service.FullName, descriptor.Name, kind, grants.ToDictionary(g => g.Role, g => g.Scope, StringComparer.Ordinal));
    }
}

/// <summary>One role's right to a method, with the scope it reaches.</summary>
public sealed record Grant(string Role, Scope Scope);

/// <summary>One RPC's row of the table: whether it reads or changes, and the roles that may call it, each with its scope.</summary>
public sealed record MethodAccess(string Service, string Method, RpcKind Kind, IReadOnlyDictionary<string, Scope> Roles)
{
    public string FullName => $"/{Service}/{Method}";
}

/// <summary>What a call does to the records it names: only reads them, or changes them (an application's changes are steps of its trace).</summary>
public enum RpcKind
{
    Read,
    Change,
}
