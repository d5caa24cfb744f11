using MassTransit;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.PrisonApproval.Features.Register;
using Visitation.ServiceDefaults.Data;
using Visitation.ServiceDefaults.Messaging;

namespace Visitation.PrisonApproval;

public static class PrisonApprovalModule
{
    public const string Name = "prison-approval";

    public static WebApplicationBuilder AddPrisonApprovalService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PrisonApprovalDbContext>();
        builder.Services.AddScoped<ApprovalDecisionHandler>();
        builder.Services.AddScoped<ImportInmatesHandler>();
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(PrisonApprovalModule).Assembly));
        return builder;
    }
}
