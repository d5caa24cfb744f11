using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
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
public sealed class ListApprovalsQuery(PrisonApprovalDbContext db, RuleVerdicts verdicts, InmateViews inmates)
{
    public async Task<ListPendingApprovalsReply> HandleAsync(Page page, bool overdue, Caller caller, CancellationToken ct)
    {
        var approvals = await db.Approvals.AsNoTracking()
            .Where(a => caller.Organisations.Contains(a.PrisonId))
            .QueuePageAsync(overdue, page, ct);
        await db.AuditReadAsync(caller, AuditEvent.ApprovalsListed, AuditedRecord.ListBy("approval", caller), AuditPurposes.WorkQueue, ct, outcome: $"rows:{approvals.Count}");
        var reply = new ListPendingApprovalsReply { NextPageToken = page.NextToken(approvals.Count) };
        var register = await RegisterPage.ReadAsync(db, approvals, ct);
        foreach (var approval in approvals)
        {
            var inmate = register.SoleMatch(approval);
            var task = ApprovalTaskView.Of(approval, inmate?.InmateNumber ?? string.Empty, register.RelationsOf(inmate, approval));
            if (!overdue && inmate is not null)
            {
                await JudgeAsync(task, approval, inmate, ct);
            }

            reply.Tasks.Add(task);
        }

        return reply;
    }

    /// <summary>What the officer decides on: the rules' verdicts now, and the inmate with the visit month's quota.</summary>
    private async Task JudgeAsync(ApprovalTask task, Approval approval, Inmate inmate, CancellationToken ct)
    {
        var (rules, pass) = await verdicts.JudgeAsync(inmate, approval.Application, ct);
        task.Verdicts.AddRange(rules);
        task.RulesPass = pass;
        task.Inmate = await inmates.ViewAsync(inmate, VisitMonth.Parse(approval.Application.VisitMonth), ct);
    }
}
