using Microsoft.EntityFrameworkCore;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.Rules.Eligibility;
using Visitation.Messaging;
using Visitation.Rules.Reviewing;
using Visitation.Rules.Calendars;

namespace Visitation.PrisonApproval.Features.Clock;

/// <summary>
/// The visit centre's review clock: a pending application whose deadline has passed, or whose visit
/// month is already over, expires with a reason (the family is told, like any refusal) instead of
/// waiting forever. Several instances may run: a row another instance expired first loses on its
/// row version, and the run is simply repeated at the next tick.
/// </summary>
public sealed class ExpireOverdueApprovals(PrisonApprovalDbContext db, ApprovalOutcomes outcomes, TimeProvider clock) : IPeriodicWork
{
    public static readonly RuleFailure DeadlinePassed =
        new("REVIEW_DEADLINE_PASSED", "监狱会见中心未在规定期限内完成审核，申请已失效，请重新申请。", "");

    public static readonly RuleFailure MonthPassed =
        new("VISIT_MONTH_PASSED", "申请的会见月份已过，监狱未能在该月内完成审核，申请已失效，请重新申请。", "");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = ChinaTime.Now(clock);
        var thisMonth = VisitMonth.Of(ChinaTime.Today(clock)).FirstDay;
        var expired = await db.Approvals
            .Where(a => a.Status == ApprovalStatus.Pending && ((a.DueBy != null && a.DueBy <= now) || a.VisitMonthStart < thisMonth))
            .OrderBy(a => a.DueBy).Take(100).ToListAsync(cancellationToken);
        foreach (var approval in expired)
        {
            outcomes.Refuse(approval, [approval.VisitMonthStart < thisMonth ? MonthPassed : DeadlinePassed], ReviewClock.Actor, now, ApprovalStatus.Expired);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
