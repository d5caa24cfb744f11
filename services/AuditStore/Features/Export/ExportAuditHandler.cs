using Microsoft.EntityFrameworkCore;
using Visitation.AuditStore.Data;
using Visitation.AuditStore.Features.Search;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;
using Visitation.Workflow.Audit;

namespace Visitation.AuditStore.Features.Export;

/// <summary>
/// The rows a search with the same filter would page through, newest first, as one CSV file of at
/// most <see cref="Limit"/> rows (a reply stays well under gRPC's 4 MB message limit); more matching
/// rows are reported as <c>truncated</c>. The export is audited (<c>Exported</c>) before it is returned.
/// </summary>
public sealed class ExportAuditHandler(AuditStoreDbContext db)
{
    public const int Limit = 5_000;

    public async Task<ExportAuditReply> HandleAsync(ExportAuditRequest request, Caller caller, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var query = AuditFilters.Parse(request.Filter, violations);
        violations.ThrowIfAny();

        var rows = await query.Apply(db.Rows.AsNoTracking(), caller)
            .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).Take(Limit + 1).ToListAsync(ct);
        var truncated = rows.Count > Limit;
        if (truncated)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        await db.AuditReadAsync(caller, AuditEvent.Exported, AuditedRecord.ListBy("audit", caller), AuditPurposes.AuditReview, ct,
            outcome: truncated ? $"rows:{rows.Count}+truncated" : $"rows:{rows.Count}");
        return new ExportAuditReply
        {
            Csv = Google.Protobuf.ByteString.CopyFrom(AuditCsv.Write(rows)),
            RowCount = rows.Count,
            Truncated = truncated,
            Limit = Limit,
        };
    }
}
