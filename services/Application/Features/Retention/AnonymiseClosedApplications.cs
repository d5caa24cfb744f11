using Microsoft.EntityFrameworkCore;
using Visitation.Workflow.Audit;
using Microsoft.Extensions.Options;
using Visitation.Application.Data;
using Visitation.Workflow.Retention;

namespace Visitation.Application.Features.Retention;

/// <summary>
/// The application service's retention: an application is closed once its status is final, and it
/// closed when the last step of its timeline happened (late SMS reports included); past the period,
/// its personal data is anonymised (<see cref="VisitApplication.Anonymise"/>). Its blank inmate
/// name — which no submission can have — shows it was.
/// </summary>
public sealed class AnonymiseClosedApplications(ApplicationDbContext db, TimeProvider clock, IOptions<RetentionOptions> options)
    : RetentionWork<ApplicationDbContext>(db, clock, options)
{
    private static readonly ApplicationStatus[] Final = [.. Enum.GetValues<ApplicationStatus>().Where(s => s >= ApplicationStatus.BureauRejected)];

    protected override async Task<IReadOnlyCollection<AuditedRecord>> AnonymiseBatchAsync(RetentionCutoff cutoff, int batchSize, CancellationToken ct)
    {
        var closed = await Db.Applications.Include(a => a.Timeline).AsSplitQuery()
            .Where(a => a.InmateName != "" && Final.Contains(a.Status) && a.Timeline.All(t => t.At < cutoff.Instant))
            .OrderBy(a => a.SubmittedAt).Take(batchSize).ToListAsync(ct);
        foreach (var application in closed)
        {
            application.Anonymise();
        }

        // The clerks' notes on the "family not reached" list are free text about the family too.
        var ids = closed.Select(a => a.Id).ToList();
        foreach (var entry in await Db.FamiliesNotReached.Where(e => ids.Contains(e.ApplicationId) && e.Note != null).ToListAsync(ct))
        {
            entry.Note = null;
        }

        return [.. closed.Select(a => a.Audited())];
    }
}
