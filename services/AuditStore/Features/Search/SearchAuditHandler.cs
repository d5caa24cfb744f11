using Microsoft.EntityFrameworkCore;
using Visitation.AuditStore.Data;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.AuditStore.Features.Search;

/// <summary>Audit rows within the audit administrator's subtree, newest first, a bounded page at a time; the search itself is audited.</summary>
public sealed class SearchAuditHandler(AuditStoreDbContext db)
{
    public async Task<SearchAuditReply> HandleAsync(SearchAuditRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var query = AuditFilters.Parse(request.Filter, violations);
        var after = AuditPageToken.Decode(request.Page?.PageToken, violations);
        violations.ThrowIfAny();
        var size = AuditPageToken.SizeOf(request.Page?.PageSize ?? 0);

        var rows = query.Apply(db.Rows.AsNoTracking(), caller);
        if (after is { } position)
        {
            rows = rows.Where(r => r.RecordedAt < position.RecordedAt || (r.RecordedAt == position.RecordedAt && r.Id < position.Id));
        }

        var page = await rows.OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).Take(size).ToListAsync(ct);
        await db.AuditReadAsync(caller, AuditEvent.AuditSearched, AuditedRecord.ListBy("audit", caller), AuditPurposes.AuditReview, ct, outcome: $"rows:{page.Count}");
        var reply = new SearchAuditReply
        {
            NextPageToken = page.Count < size ? string.Empty : new AuditPageToken(page[^1].RecordedAt, page[^1].Id).Encode(),
        };
        reply.Rows.AddRange(page.Select(AuditRowViews.ToView));
        return reply;
    }
}
