using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Reviewing;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.ListApprovals;

/// <summary>
/// The visit centre's queue: what waits for an officer, or what the review clock expired. Each task
/// shows the register's inmate it would be approved for and which visitors the register already knows.
/// </summary>
public sealed class ListApprovalsQuery(PrisonApprovalDbContext db, InmateFacts facts)
{
    public async Task<ListPendingApprovalsReply> HandleAsync(Page page, bool overdue, Caller caller, CancellationToken ct)
    {
        var approvals = await db.Approvals.AsNoTracking()
            .Where(a => caller.Organisations.Contains(a.PrisonId))
            .QueuePageAsync(overdue, page, ct);
        await db.AuditReadAsync(caller, AuditEvent.ApprovalsListed, AuditedRecord.ListBy("approval", caller), AuditPurposes.WorkQueue, ct, outcome: $"rows:{approvals.Count}");
        var reply = new ListPendingApprovalsReply { NextPageToken = page.NextToken(approvals.Count) };
        foreach (var approval in approvals)
        {
            var inmate = await SoleMatchAsync(approval, ct);
            var registered = inmate is null ? [] : await facts.RegisteredRelationsAsync(inmate.Value.Id, approval.Application, ct);
            reply.Tasks.Add(ApprovalTaskView.Of(approval, inmate?.Number ?? string.Empty, registered));
        }

        return reply;
    }

    /// <summary>The one register entry the application can mean; none when the register has none or several.</summary>
    private async Task<(Guid Id, string Number)?> SoleMatchAsync(Approval approval, CancellationToken ct)
    {
        var matches = await InmateMatching.Candidates(db.Inmates.Where(i => i.PrisonId == approval.PrisonId), approval.Application)
            .Select(i => new { i.Id, i.InmateNumber }).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? (matches[0].Id, matches[0].InmateNumber) : null;
    }
}
