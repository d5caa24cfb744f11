using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Privacy;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.ServiceDefaults.Time;

namespace Visitation.PrisonApproval;

/// <summary>The visit-centre officers' API; an officer sees only their own prison.</summary>
public sealed class PrisonApprovalGrpcService(PrisonApprovalDbContext db, ApprovalDecisionHandler decisions, ImportInmatesHandler import)
    : PrisonApprovalService.PrisonApprovalServiceBase
{
    public override Task<ImportInmatesReply> ImportInmates(ImportInmatesRequest request, ServerCallContext context) =>
        import.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override async Task<ListPendingApprovalsReply> ListPendingApprovals(ListPendingApprovalsRequest request, ServerCallContext context)
    {
        var caller = Caller.From(context).Require(Roles.Officer);
        var page = Page.From(request.Page);
        var approvals = await db.Approvals.AsNoTracking()
            .Where(a => a.PrisonId == caller.OrganisationId && a.Status == ApprovalStatus.Pending)
            .OrderBy(a => a.ReceivedAt).ThenBy(a => a.ApplicationId)
            .Skip(page.Offset).Take(page.Size)
            .ToListAsync(context.CancellationToken);
        var reply = new ListPendingApprovalsReply { NextPageToken = page.NextToken(approvals.Count) };
        foreach (var approval in approvals)
        {
            var matches = await InmateMatching.Candidates(db.Inmates.Where(i => i.PrisonId == approval.PrisonId), approval.Application)
                .Select(i => i.InmateNumber).Take(2).ToListAsync(context.CancellationToken);
            reply.Tasks.Add(ToView(approval, matches.Count == 1 ? matches[0] : string.Empty));
        }

        return reply;
    }

    public override Task<Decision> ApproveApplication(PrisonApproveRequest request, ServerCallContext context) =>
        decisions.ApproveAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<Decision> RejectApplication(PrisonRejectRequest request, ServerCallContext context) =>
        decisions.RejectAsync(request, Caller.From(context), context.CancellationToken);

    private static ApprovalTask ToView(Approval approval, string matchedInmate)
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
        };
        view.Visitors.AddRange(a.Visitors.Select(v => new ApprovalVisitor { Name = v.Name, IdNumberMasked = Mask.IdNumber(v.IdNumber), Relation = v.Relation, Age = v.Age }));
        return view;
    }
}
