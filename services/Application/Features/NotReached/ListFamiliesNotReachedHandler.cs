using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.Contracts.Grpc.Application;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;
using Visitation.Workflow.Grpc;

namespace Visitation.Application.Features.NotReached;

/// <summary>
/// The office's "family not reached" list: the open entries, the longest waiting first, or those closed
/// in the last <see cref="ClosedShownDays"/> days, the latest first. A read of personal data (inmates'
/// names, masked phones), audited before it is returned.
/// </summary>
public sealed class ListFamiliesNotReachedHandler(ApplicationDbContext db, TimeProvider clock)
{
    /// <summary>How long a closed entry stays in view: long enough to see what colleagues did this month.</summary>
    public const int ClosedShownDays = 30;

    public async Task<ListFamiliesNotReachedReply> HandleAsync(ListFamiliesNotReachedRequest request, Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var page = request.Page.ToPage();
        var entries = db.FamiliesNotReached.AsNoTracking().Where(e => caller.Organisations.Contains(e.OfficeId));
        if (request.Closed)
        {
            var since = clock.GetUtcNow().AddDays(-ClosedShownDays);
            entries = entries.Where(e => e.ClosedAt != null && e.ClosedAt >= since).OrderByDescending(e => e.ClosedAt).ThenBy(e => e.Id);
        }
        else
        {
            entries = entries.Where(e => e.ClosedAt == null).OrderBy(e => e.FailedAt).ThenBy(e => e.Id);
        }

        var rows = await entries
            .Join(db.Applications, e => e.ApplicationId, a => a.Id, (e, a) => new { Entry = e, a.InmateName })
            .Skip(page.Offset).Take(page.Size).ToListAsync(ct);
        await db.AuditReadAsync(caller, AuditEvent.FamiliesNotReachedRead, AuditedRecord.ListBy("family_not_reached", caller), AuditPurposes.WorkQueue, ct,
            outcome: $"rows:{rows.Count}");
        var reply = new ListFamiliesNotReachedReply { NextPageToken = page.NextToken(rows.Count) };
        reply.Entries.AddRange(rows.Select(r => NotReachedViews.ToView(r.Entry, r.InmateName)));
        return reply;
    }
}
