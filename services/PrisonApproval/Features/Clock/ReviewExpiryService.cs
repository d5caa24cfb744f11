using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.Rules.Eligibility;
using Visitation.ServiceDefaults.Time;

namespace Visitation.PrisonApproval.Features.Clock;

/// <summary>
/// The visit centre's review clock: a pending application whose deadline has passed, or whose visit
/// month is already over, expires with a reason (the family is told, like any refusal) instead of
/// waiting forever. Several instances may run: a row another instance expired first loses on its
/// row version and is skipped.
/// </summary>
public sealed partial class ReviewExpiryService(IServiceScopeFactory scopes, IOptions<ReviewClockOptions> options, TimeProvider clock, ILogger<ReviewExpiryService> logger)
    : BackgroundService
{
    public const string System = "system:review-clock";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, clock);
        do
        {
            try
            {
                await ExpireDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or TimeoutException)
            {
                // The database away or a race lost: the next tick tries again.
                LogCheckFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> ExpireDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrisonApprovalDbContext>();
        var outcomes = scope.ServiceProvider.GetRequiredService<ApprovalOutcomes>();
        var now = ChinaTime.Now(clock);
        var thisMonth = VisitMonth.Of(ChinaTime.Today(clock)).FirstDay;
        var due = await db.Approvals
            .Where(a => a.Status == ApprovalStatus.Pending && a.DueBy != null && a.DueBy <= now)
            .OrderBy(a => a.DueBy).Take(100).ToListAsync(ct);
        var monthOver = await db.Approvals
            .Where(a => a.Status == ApprovalStatus.Pending && a.VisitMonthStart < thisMonth)
            .Take(100).ToListAsync(ct);
        foreach (var approval in due.UnionBy(monthOver, a => a.ApplicationId))
        {
            var failure = approval.VisitMonthStart < thisMonth
                ? new RuleFailure("VISIT_MONTH_PASSED", "申请的会见月份已过，监狱未能在该月内完成审核，申请已失效，请重新申请。", "")
                : new RuleFailure("REVIEW_DEADLINE_PASSED", "监狱会见中心未在规定期限内完成审核，申请已失效，请重新申请。", "");
            outcomes.Refuse(approval, [failure], System, now, ApprovalStatus.Expired);
        }

        await db.SaveChangesAsync(ct);
        return due.Count + monthOver.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review clock check failed; retrying at the next tick")]
    private partial void LogCheckFailed(Exception exception);
}

public sealed class ReviewClockOptions
{
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
