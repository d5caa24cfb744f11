using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.Rules.Eligibility;
using Visitation.Workflow.Reviewing;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.Clock;

/// <summary>The visit centre's review clock; an expiry travels like any refusal, so the family is told.</summary>
public sealed class ExpireOverdueApprovals(PrisonApprovalDbContext db, ApprovalOutcomes outcomes, TimeProvider clock)
    : ReviewClockWork<Approval, PrisonApprovalDbContext>(db, clock)
{
    protected override AuditEvent ExpiryEvent => AuditEvent.ApprovalExpired;

    protected override void Announce(Approval item, RuleFailure reason, DateTimeOffset now) => outcomes.AnnounceRefusal(item, now);
}
