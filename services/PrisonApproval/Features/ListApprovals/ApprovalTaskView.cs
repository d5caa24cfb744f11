using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.Workflow.Grpc;
using Visitation.Workflow.Reviewing;

namespace Visitation.PrisonApproval.Features.ListApprovals;

/// <summary>An approval as the officer's queue shows it, beside what the register knows of the inmate and the visitors.</summary>
public static class ApprovalTaskView
{
    public static ApprovalTask Of(Approval approval, string matchedInmateNumber, IReadOnlyDictionary<string, string> registeredRelations)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(registeredRelations);
        var view = ReviewViews.Fill(new ApprovalTask(), approval);
        view.CountyId = approval.Application.CountyId;
        view.MatchedInmateNumber = matchedInmateNumber;
        view.Status = ReviewViews.Status<ApprovalStatus>(approval.Status);
        view.Visitors.AddRange(approval.Application.Visitors.Select((v, index) => new ApprovalVisitor
        {
            Position = v.Position ?? index,
            Name = v.Name,
            IdNumberMasked = v.IdNumberMasked,
            Relation = ProtoCodes.FromCode<Relation>(v.Relation),
            Age = v.Age,
            RegisteredRelation = ProtoCodes.FromCode<Relation>(registeredRelations.GetValueOrDefault(v.VisitorKey)),
        }));
        return view;
    }
}
