using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.PrisonApproval.Data;
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
        var register = await RegisterPage.ReadAsync(db, approvals, ct);
        var matched = approvals.Select(a => (Approval: a, Inmate: register.SoleMatch(a))).ToList();
        var judged = overdue ? [] : matched.Where(m => m.Inmate is not null).Select(m => (m.Inmate!, m.Approval.Application)).ToList();
        // One read of the prison's records for the whole page, however many tasks it holds.
        var records = judged.Count == 0 ? null : await facts.RecordsAsync(judged, ct);
        foreach (var (approval, inmate) in matched)
        {
            var task = ApprovalTaskView.Of(approval, inmate?.InmateNumber ?? string.Empty, register.RelationsOf(inmate, approval));
            if (records is not null && inmate is not null)
            {
                Judge(task, approval, inmate, records);
            }

            reply.Tasks.Add(task);
        }

        return reply;
    }

    /// <summary>What the officer decides on: the rules' verdicts now, and the inmate with the visit month's quota.</summary>
    private void Judge(ApprovalTask task, Approval approval, Inmate inmate, InmateRecords records)
    {
        var (rules, pass) = verdicts.Judge(inmate, approval.Application, records);
        task.Verdicts.AddRange(rules);
        task.RulesPass = pass;
        task.Inmate = inmates.View(inmate, VisitMonth.Parse(approval.Application.VisitMonth), records);
    }
}
