using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Features.BarVisitor;
using Visitation.PrisonApproval.Features.CheckEligibility;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.PrisonApproval.Features.EndInmateStatus;
using Visitation.PrisonApproval.Features.MoveInmate;
using Visitation.PrisonApproval.Features.GetInmate;
using Visitation.PrisonApproval.Features.ImportInmates;
using Visitation.PrisonApproval.Features.ListApprovals;
using Visitation.PrisonApproval.Features.RecordDeparture;
using Visitation.PrisonApproval.Features.RecordOnSiteVisit;
using Visitation.PrisonApproval.Features.RecordSpecialApproval;
using Visitation.PrisonApproval.Features.SendBack;
using Visitation.PrisonApproval.Features.SetInmateStatus;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Grpc;

namespace Visitation.PrisonApproval;

/// <summary>
/// The visit-centre officers' API, a routing table: each call goes to its use case under Features/,
/// one handler per use case (the queue's two lists share one query, approve and reject one decision).
/// </summary>
public sealed class PrisonApprovalGrpcService(
    ImportInmatesHandler import,
    ListApprovalsQuery queue,
    ApprovalDecisionHandler decisions,
    GetInmateQuery getInmate,
    RecordDepartureHandler departures,
    SetInmateStatusHandler setStatus,
    EndInmateStatusHandler endStatus,
    MoveInmateAreaHandler moves,
    BarVisitorHandler bars,
    RecordOnSiteVisitHandler onSiteVisits,
    RecordSpecialApprovalHandler specialApprovals,
    CheckEligibilityHandler eligibility,
    SendBackHandler sendBacks)
    : PrisonApprovalService.PrisonApprovalServiceBase
{
    public override Task<ImportInmatesReply> ImportInmates(ImportInmatesRequest request, ServerCallContext context) =>
        import.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListPendingApprovalsReply> ListPendingApprovals(ListPendingApprovalsRequest request, ServerCallContext context) =>
        queue.HandleAsync(request.Page.ToPage(), overdue: false, Caller.From(context), context.CancellationToken);

    public override Task<ListPendingApprovalsReply> ListOverdueApprovals(ListOverdueApprovalsRequest request, ServerCallContext context) =>
        queue.HandleAsync(request.Page.ToPage(), overdue: true, Caller.From(context), context.CancellationToken);

    public override Task<Decision> ApproveApplication(PrisonApproveRequest request, ServerCallContext context) =>
        decisions.ApproveAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<Decision> RejectApplication(PrisonRejectRequest request, ServerCallContext context) =>
        decisions.RejectAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<Decision> SendBackApplication(PrisonSendBackRequest request, ServerCallContext context) =>
        sendBacks.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> GetInmate(GetInmateRequest request, ServerCallContext context) =>
        getInmate.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> RecordDeparture(RecordDepartureRequest request, ServerCallContext context) =>
        departures.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> SetInmateStatus(SetInmateStatusRequest request, ServerCallContext context) =>
        setStatus.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> EndInmateStatus(EndInmateStatusRequest request, ServerCallContext context) =>
        endStatus.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> MoveInmateArea(MoveInmateAreaRequest request, ServerCallContext context) =>
        moves.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<BarVisitorReply> BarVisitor(BarVisitorRequest request, ServerCallContext context) =>
        bars.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> RecordOnSiteVisit(RecordOnSiteVisitRequest request, ServerCallContext context) =>
        onSiteVisits.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> RecordSpecialApproval(RecordSpecialApprovalRequest request, ServerCallContext context) =>
        specialApprovals.HandleAsync(request, Caller.From(context), context.CancellationToken);

    [EnableRateLimiting(EligibilityRateLimit.Policy)]
    public override Task<EligibilityReply> CheckEligibility(CheckEligibilityRequest request, ServerCallContext context) =>
        eligibility.HandleAsync(request, Caller.From(context), context.CancellationToken);
}
