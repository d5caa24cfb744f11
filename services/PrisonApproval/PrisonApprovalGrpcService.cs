using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.Quota;
using Visitation.PrisonApproval.Features.Suspensions;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Privacy;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Rules.Calendars;
using Visitation.Workflow.Grpc;

namespace Visitation.PrisonApproval;

/// <summary>The visit-centre officers' API; an officer sees only their own prison.</summary>
public sealed class PrisonApprovalGrpcService(
    PrisonApprovalDbContext db,
    ApprovalDecisionHandler decisions,
    ImportInmatesHandler import,
    InmateChangesHandler inmates,
    QuotaLedgerHandler ledger,
    BarVisitorHandler bars,
    CheckEligibilityHandler eligibility)
    : PrisonApprovalService.PrisonApprovalServiceBase
{
    public override Task<ImportInmatesReply> ImportInmates(ImportInmatesRequest request, ServerCallContext context) =>
        import.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ListPendingApprovalsReply> ListPendingApprovals(ListPendingApprovalsRequest request, ServerCallContext context) =>
        ListAsync(request.Page.ToPage(), overdue: false, Caller.From(context), context.CancellationToken);

    /// <summary>What the review clock expired: the visit centre sees what it let lapse, newest first.</summary>
    public override Task<ListPendingApprovalsReply> ListOverdueApprovals(ListOverdueApprovalsRequest request, ServerCallContext context) =>
        ListAsync(request.Page.ToPage(), overdue: true, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> GetInmate(GetInmateRequest request, ServerCallContext context) =>
        inmates.GetAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> RecordDeparture(RecordDepartureRequest request, ServerCallContext context) =>
        inmates.RecordDepartureAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> SetInmateStatus(SetInmateStatusRequest request, ServerCallContext context) =>
        inmates.SetStatusAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> EndInmateStatus(EndInmateStatusRequest request, ServerCallContext context) =>
        inmates.EndStatusAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<BarVisitorReply> BarVisitor(BarVisitorRequest request, ServerCallContext context) =>
        bars.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> RecordOnSiteVisit(RecordOnSiteVisitRequest request, ServerCallContext context) =>
        ledger.RecordOnSiteVisitAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<InmateView> RecordSpecialApproval(RecordSpecialApprovalRequest request, ServerCallContext context) =>
        ledger.RecordSpecialApprovalAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<EligibilityReply> CheckEligibility(CheckEligibilityRequest request, ServerCallContext context) =>
        eligibility.HandleAsync(request, Caller.From(context), context.CancellationToken);

    private async Task<ListPendingApprovalsReply> ListAsync(Page page, bool overdue, Caller caller, CancellationToken ct)
    {
        caller.Require(Roles.Officer);
        var mine = db.Approvals.AsNoTracking().Where(a => a.PrisonId == caller.OrganisationId);
        var approvals = await (overdue
                ? mine.Where(a => a.Status == ApprovalStatus.Expired).OrderByDescending(a => a.DecidedAt).ThenBy(a => a.ApplicationId)
                : mine.Where(a => a.Status == ApprovalStatus.Pending).OrderBy(a => a.DueBy).ThenBy(a => a.ReceivedAt).ThenBy(a => a.ApplicationId))
            .Skip(page.Offset).Take(page.Size)
            .ToListAsync(ct);
        var reply = new ListPendingApprovalsReply { NextPageToken = page.NextToken(approvals.Count) };
        foreach (var approval in approvals)
        {
            var matches = await InmateMatching.Candidates(db.Inmates.Where(i => i.PrisonId == approval.PrisonId), approval.Application)
                .Select(i => new { i.Id, i.InmateNumber }).Take(2).ToListAsync(ct);
            var inmate = matches.Count == 1 ? matches[0] : null;
            var ids = approval.Application.Visitors.Select(v => v.IdNumber).ToList();
            var registered = inmate is null
                ? []
                : await db.Relatives.AsNoTracking().Where(r => r.InmateId == inmate.Id && ids.Contains(r.IdNumber)).ToDictionaryAsync(r => r.IdNumber, r => r.Relation, ct);
            reply.Tasks.Add(ToView(approval, inmate?.InmateNumber ?? string.Empty, registered));
        }

        return reply;
    }

    public override Task<Decision> ApproveApplication(PrisonApproveRequest request, ServerCallContext context) =>
        decisions.ApproveAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<Decision> RejectApplication(PrisonRejectRequest request, ServerCallContext context) =>
        decisions.RejectAsync(request, Caller.From(context), context.CancellationToken);

    private static ApprovalTask ToView(Approval approval, string matchedInmate, IReadOnlyDictionary<string, string> registered)
    {
        var a = approval.Application;
        var view = new ApprovalTask
        {
            ApplicationId = a.ApplicationId.ToString(),
            CountyId = a.CountyId,
            InmateName = a.InmateName,
            PrisonArea = a.PrisonArea ?? string.Empty,
            VisitMonth = a.VisitMonth,
            VenueId = a.VenueId,
            ReceivedAt = ChinaTime.Format(approval.ReceivedAt),
            MatchedInmateNumber = matchedInmate,
            DueBy = approval.DueBy is { } due ? ChinaTime.Format(due) : string.Empty,
        };
        view.Visitors.AddRange(a.Visitors.Select(v => new ApprovalVisitor { Name = v.Name, IdNumberMasked = Mask.IdNumber(v.IdNumber), Relation = v.Relation, Age = v.Age, RegisteredRelation = registered.GetValueOrDefault(v.IdNumber, string.Empty) }));
        return view;
    }
}
