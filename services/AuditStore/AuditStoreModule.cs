using MassTransit;
using Visitation.AuditStore.Data;
using Visitation.AuditStore.Features.Export;
using Visitation.AuditStore.Features.Search;
using Visitation.AuditStore.Features.Verify;
using Visitation.Messaging;
using Visitation.Messaging.Database;
using Visitation.Workflow.Audit;
using Visitation.Workflow.ReferenceData;

namespace Visitation.AuditStore;

public static class AuditStoreModule
{
    public const string Name = "audit-store";

    public static WebApplicationBuilder AddAuditStoreService(this WebApplicationBuilder builder)
    {
        // The organisation tree decides which rows an audit administrator's subtree reaches.
        builder.AddReferenceData();
        builder.AddServiceDatabase<AuditStoreDbContext>();
        builder.Services.AddScoped<SearchAuditHandler>();
        builder.Services.AddScoped<ExportAuditHandler>();
        // Every chain it holds, verified a part at a time, its verdict a metric (alert AuditChainBroken).
        builder.Services.AddOptions<AuditChainVerificationOptions>().Bind(builder.Configuration.GetSection(AuditChainVerificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AuditChainMetrics>();
        builder.AddPeriodicWork<AuditChainVerification>();
        // Its own searches and exports are audited and relayed like every service's: into this store.
        builder.AddAuditRelay(Name);
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(AuditStoreModule).Assembly));
        return builder;
    }
}
