using Google.Protobuf;
using Google.Protobuf.Reflection;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using ApplicationRpc = Visitation.Contracts.Grpc.Application.ApplicationService.ApplicationServiceBase;
using AuditStoreRpc = Visitation.Contracts.Grpc.AuditStore.AuditStoreService.AuditStoreServiceBase;
using BureauRpc = Visitation.Contracts.Grpc.BureauReview.BureauReviewService.BureauReviewServiceBase;
using NotificationRpc = Visitation.Contracts.Grpc.Notification.NotificationService.NotificationServiceBase;
using PrisonRpc = Visitation.Contracts.Grpc.PrisonApproval.PrisonApprovalService.PrisonApprovalServiceBase;
using SchedulingRpc = Visitation.Contracts.Grpc.Scheduling.SchedulingService.SchedulingServiceBase;

namespace Visitation.IntegrationTests.Security;

/// <summary>
/// How the access tests call one RPC: a valid request, and, for an RPC about one record, which of
/// the <see cref="AccessRecords"/> it names for a role and how an id nobody has looks. Valid, so
/// that a refusal comes from the access rules and not from a missing field.
/// </summary>
/// <param name="Own">The own organisation's record the call names, for a role; null for an RPC about no one record (a list, a new record).</param>
/// <param name="Unknown">An id of the same shape that no record has.</param>
public sealed record AccessProbe(
    Func<AccessRecords, string, string>? Own,
    Func<string> Unknown,
    Func<AccessRecords, string, IMessage> Request)
{
    public bool IsTargeted => Own is not null;
}

public static class AccessProbes
{
    private static readonly Func<string> NewGuid = () => Guid.NewGuid().ToString();

    private static readonly Dictionary<string, AccessProbe> ByMethod = new(StringComparer.Ordinal)
    {
        [Key(ApplicationService.Descriptor, nameof(ApplicationRpc.SubmitApplication))] = Untargeted(r => new Family(new TestClock()).Application(r.InmateName)), // the tests' clock starts on the application day, as these tests do
        [Key(ApplicationService.Descriptor, nameof(ApplicationRpc.GetApplication))] = OnApplication(id => new GetApplicationRequest { ApplicationId = id }),
        [Key(ApplicationService.Descriptor, nameof(ApplicationRpc.ListApplications))] = Untargeted(_ => new ListApplicationsRequest()),
        [Key(ApplicationService.Descriptor, nameof(ApplicationRpc.WithdrawApplication))] =
            new((r, _) => r.WithdrawableId, NewGuid, (_, id) => new WithdrawApplicationRequest { ApplicationId = id, Reason = "家属不再申请" }),
        [Key(ApplicationService.Descriptor, nameof(ApplicationRpc.ResubmitApplication))] =
            OnApplication(id => new ResubmitApplicationRequest { ApplicationId = id, RequestId = Guid.NewGuid().ToString() }),
        [Key(ApplicationService.Descriptor, nameof(ApplicationRpc.GetApplicationReport))] =
            Untargeted(r => new ApplicationReportRequest { FromMonth = r.VisitMonth, ToMonth = r.VisitMonth, GroupBy = ReportGrouping.Office }),
        [Key(ApplicationService.Descriptor, nameof(ApplicationRpc.ListFamiliesNotReached))] = Untargeted(_ => new ListFamiliesNotReachedRequest()),
        [Key(ApplicationService.Descriptor, nameof(ApplicationRpc.CountFamiliesNotReached))] = Untargeted(_ => new CountFamiliesNotReachedRequest()),
        [Key(ApplicationService.Descriptor, nameof(ApplicationRpc.CloseFamilyNotReached))] = new((r, _) => r.NotReachedEntryId, NewGuid,
            (_, id) => new CloseFamilyNotReachedRequest { EntryId = id, Outcome = ContactOutcome.ReachedByPhone, Note = "已电话告知" }),

        [Key(BureauReviewService.Descriptor, nameof(BureauRpc.ListPendingReviews))] = Untargeted(_ => new ListPendingReviewsRequest()),
        [Key(BureauReviewService.Descriptor, nameof(BureauRpc.ApproveApplication))] = OnApplication(id => new ApproveReviewRequest { ApplicationId = id }),
        [Key(BureauReviewService.Descriptor, nameof(BureauRpc.RejectApplication))] =
            OnApplication(id => new RejectReviewRequest { ApplicationId = id, ReasonCode = "DOCUMENTS_INCOMPLETE", Reason = "材料不全" }),
        [Key(BureauReviewService.Descriptor, nameof(BureauRpc.SendBackApplication))] =
            OnApplication(id => new SendBackReviewRequest { ApplicationId = id, Missing = { MissingMaterial.ResidentId } }),
        [Key(BureauReviewService.Descriptor, nameof(BureauRpc.ListOverdueReviews))] = Untargeted(_ => new ListOverdueReviewsRequest()),

        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.ImportInmates))] = Untargeted(_ => new ImportInmatesRequest
        {
            Inmates = { new InmateRecord { InmateNumber = "AC" + Random.Shared.Next(10_000_000), Name = "导入", PrisonArea = "3", ManagementLevel = ManagementLevel.Normal } },
        }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.ListPendingApprovals))] = Untargeted(_ => new ListPendingApprovalsRequest()),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.ApproveApplication))] = OnApplication(id => new PrisonApproveRequest { ApplicationId = id }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.RejectApplication))] =
            OnApplication(id => new PrisonRejectRequest { ApplicationId = id, ReasonCode = "OTHER", Reason = "监狱安排调整" }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.SendBackApplication))] =
            OnApplication(id => new PrisonSendBackRequest { ApplicationId = id, Missing = { MissingMaterial.ResidentId } }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.ListOverdueApprovals))] = Untargeted(_ => new ListOverdueApprovalsRequest()),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.GetInmate))] = OnInmate((_, number) => new GetInmateRequest { InmateNumber = number }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.RecordDeparture))] =
            OnInmate((r, number) => new RecordDepartureRequest { InmateNumber = number, Kind = DepartureKind.Returned, On = r.ClosedDay }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.SetInmateStatus))] = OnInmate((r, number) => new SetInmateStatusRequest
        {
            InmateNumber = number,
            Status = new StatusInput { Kind = InmateStatusKind.Other, From = r.ClosedDay, To = r.ClosedDay, Reason = "权限测试" },
        }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.EndInmateStatus))] =
            OnInmate((r, number) => new EndInmateStatusRequest { InmateNumber = number, StatusId = r.StatusId, LastDay = r.Today }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.MoveInmateArea))] =
            OnInmate((_, number) => new MoveInmateAreaRequest { InmateNumber = number, PrisonArea = "3" }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.BarVisitor))] =
            Untargeted(r => new BarVisitorRequest { IdNumber = ResidentIds.Next(), From = r.ClosedDay, Reason = "扰乱会见秩序" }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.RecordOnSiteVisit))] =
            OnInmate((r, number) => new RecordOnSiteVisitRequest { RequestId = Guid.NewGuid().ToString(), InmateNumber = number, Date = r.Today }),
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.RecordSpecialApproval))] = OnInmate((r, number) => new RecordSpecialApprovalRequest
        {
            InmateNumber = number, Kind = SpecialApprovalKind.ExtraVisit, Month = r.VisitMonth,
            ApprovedBy = { SpecialApprovalLevel.PrisonArea }, Signatories = "监区长 刘", Reason = "父亲病危",
        }),
        // Clerks and reviewers ask about any prison's inmate: another office's question names no record of this one's.
        [Key(PrisonApprovalService.Descriptor, nameof(PrisonRpc.CheckEligibility))] = Untargeted(r => new CheckEligibilityRequest
        {
            Inmate = new EligibilityInmate { PrisonId = Orgs.Prison, InmateNumber = r.InmateNumber, Name = r.InmateName },
            VisitMonth = r.VisitMonth,
            Purpose = EligibilityPurpose.FamilyEnquiry,
            Visitors = { new EligibilityVisitor { IdNumber = ResidentIds.Next(), Relation = Relation.Mother, Documents = { DocumentKind.ResidentId, DocumentKind.HouseholdRegister } } },
        }),

        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.ListProposals))] = Untargeted(_ => new ListProposalsRequest()),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.ListFreeSlots))] = OnVisit(id => new ListFreeSlotsRequest { VisitId = id }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.ConfirmVisit))] = OnVisit(id => new ConfirmVisitRequest { VisitId = id }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.GetVenueAgenda))] = Untargeted(r => new GetVenueAgendaRequest { DateFrom = r.VisitMonth + "-01", DateTo = r.VisitMonth + "-28" }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.ListVisitDays))] = Untargeted(r => new ListVisitDaysRequest { PrisonId = Orgs.Prison, PrisonArea = "3", Month = r.VisitMonth }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.GetVisit))] = OnVisit(id => new GetVisitRequest { VisitId = id }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.CheckIn))] = OnVisit(id => new CheckInRequest { VisitId = id, IdentityChecked = true }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.StartVisit))] = OnVisit(id => new VisitActionRequest { VisitId = id }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.InterruptVisit))] = OnVisit(id => new InterruptVisitRequest { VisitId = id, Cause = InterruptionCause.Network }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.ResumeVisit))] = OnVisit(id => new VisitActionRequest { VisitId = id }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.CompleteVisit))] = OnVisit(id => new VisitActionRequest { VisitId = id }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.TerminateVisit))] =
            OnVisit(id => new TerminateVisitRequest { VisitId = id, ReasonCode = "RECORDING", Severity = TerminationSeverity.Ordinary, PenaltyMonths = 1 }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.CancelVisit))] = OnVisit(id => new CancelVisitRequest { VisitId = id, Cause = CancellationCause.Maintenance }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.CancelDay))] = Untargeted(r => new CancelDayRequest { Date = r.ClosedDay, Cause = CancellationCause.Maintenance }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.ListClosures))] = Untargeted(r => new ListClosuresRequest { DateFrom = r.ClosedDay, DateTo = r.ClosedDay }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.ListAffectedVisits))] = Untargeted(r => new ListAffectedVisitsRequest { DateFrom = r.ClosedDay, DateTo = r.ClosedDay }),
        [Key(SchedulingService.Descriptor, nameof(SchedulingRpc.ReopenClosure))] = new(
            (r, role) => role == Roles.VenueStaff ? r.VenueClosureId : r.PrisonClosureId, NewGuid, (_, id) => new ReopenClosureRequest { ClosureId = id }),

        [Key(NotificationService.Descriptor, nameof(NotificationRpc.ListMessages))] = OnApplication(id => new ListMessagesRequest { ApplicationId = id }),
        [Key(NotificationService.Descriptor, nameof(NotificationRpc.ListSmsTemplates))] = Untargeted(_ => new ListSmsTemplatesRequest()),

        // The audit of the records' application: found within the audit administrator's subtree, not from another's.
        [Key(AuditStoreService.Descriptor, nameof(AuditStoreRpc.SearchAudit))] =
            Untargeted(r => new SearchAuditRequest { Filter = new AuditFilter { RecordType = "application", RecordId = r.ApplicationId } }),
        [Key(AuditStoreService.Descriptor, nameof(AuditStoreRpc.ExportAudit))] =
            Untargeted(r => new ExportAuditRequest { Filter = new AuditFilter { RecordType = "application", RecordId = r.ApplicationId } }),
    };

    /// <summary>The probe of an RPC; an RPC without one fails the test that asks, so a new RPC cannot go untested.</summary>
    public static AccessProbe For(MethodDescriptor method) =>
        ByMethod.TryGetValue(Rpcs.FullName(method), out var probe)
            ? probe
            : throw new InvalidOperationException($"{Rpcs.FullName(method)} has no access probe: add one to {nameof(AccessProbes)}.");

    public static IReadOnlyCollection<string> Methods => ByMethod.Keys;

    private static string Key(ServiceDescriptor service, string method) => $"/{service.FullName}/{method}";

    private static AccessProbe Untargeted(Func<AccessRecords, IMessage> request) => new(null, NewGuid, (r, _) => request(r));

    private static AccessProbe OnApplication(Func<string, IMessage> request) => new((r, _) => r.ApplicationId, NewGuid, (_, id) => request(id));

    private static AccessProbe OnVisit(Func<string, IMessage> request) => new((r, _) => r.VisitId, NewGuid, (_, id) => request(id));

    private static AccessProbe OnInmate(Func<AccessRecords, string, IMessage> request) =>
        new((r, _) => r.SpareInmateNumber, () => "NX" + Random.Shared.Next(10_000_000), request);
}
