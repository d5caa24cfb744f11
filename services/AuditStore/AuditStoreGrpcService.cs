using Grpc.Core;
using Visitation.AuditStore.Features.Export;
using Visitation.AuditStore.Features.Search;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.AuditStore;

/// <summary>The audit administrator's calls, a routing table: each call is one use case under <c>Features/</c>.</summary>
public sealed class AuditStoreGrpcService(SearchAuditHandler search, ExportAuditHandler export) : AuditStoreService.AuditStoreServiceBase
{
    public override Task<SearchAuditReply> SearchAudit(SearchAuditRequest request, ServerCallContext context) =>
        search.HandleAsync(request, Caller.From(context), context.CancellationToken);

    public override Task<ExportAuditReply> ExportAudit(ExportAuditRequest request, ServerCallContext context) =>
        export.HandleAsync(request, Caller.From(context), context.CancellationToken);
}
