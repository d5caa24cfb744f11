using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.Register;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Reviewing;
using Visitation.Workflow.Audit;

namespace Visitation.PrisonApproval.Features.ListApprovals;

/// <summary>
/// The visit centre's queue: what waits for an officer, or what the review clock expired. Each task
/// shows the register's inmate it would be approved for and which visitors the register already knows.
/// </summary>
public sealed class ListApprovalsQuery(PrisonApprovalDbContext db, InmateFacts facts, RuleVerdicts verdicts, InmateViews inmates)
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
            var task = ApprovalTaskView.Of(approval, inmate?.Number ?? string.Empty, registered);
            if (!overdue && inmate is not null)
            {
                await JudgeAsync(task, approval, inmate.Value.Id, ct);
            }

            reply.Tasks.Add(task);
        }

        return reply;
    }

    /// <summary>What the officer decides on: the rules' verdicts now, and the inmate with the visit month's quota.</summary>
    private async Task JudgeAsync(ApprovalTask task, Approval approval, Guid inmateId, CancellationToken ct)
    {
        var inmate = await db.Inmates.AsNoTracking().Include(i => i.Statuses).SingleAsync(i => i.Id == inmateId, ct);
        var (rules, pass) = await verdicts.JudgeAsync(inmate, approval.Application, ct);
        task.Verdicts.AddRange(rules);
        task.RulesPass = pass;
        task.Inmate = await inmates.ViewAsync(inmate, VisitMonth.Parse(approval.Application.VisitMonth), ct);
    }

    /// <summary>The one register entry the application can mean; none when the register has none or several.</summary>
    private async Task<(Guid Id, string Number)?> SoleMatchAsync(Approval approval, CancellationToken ct)
    {
        var matches = await InmateMatching.Candidates(db.Inmates.Where(i => i.PrisonId == approval.PrisonId), approval.Application)
            .Select(i => new { i.Id, i.InmateNumber }).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? (matches[0].Id, matches[0].InmateNumber) : null;
    }
}
