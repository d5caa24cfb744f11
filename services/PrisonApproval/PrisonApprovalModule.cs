using Visitation.Workflow.ReferenceData;
using MassTransit;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Clock;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.InFlight;
using Visitation.PrisonApproval.Features.Quota;
using Visitation.PrisonApproval.Features.Register;
using Visitation.PrisonApproval.Features.Suspensions;
using Visitation.Messaging;
using Visitation.Rules.Reviewing;
using Visitation.Messaging.Database;
using Visitation.Rules.ReferenceData;

namespace Visitation.PrisonApproval;

public static class PrisonApprovalModule
{
    public const string Name = "prison-approval";

    public static WebApplicationBuilder AddPrisonApprovalService(this WebApplicationBuilder builder)
    {
        builder.AddReferenceData();
        builder.AddServiceDatabase<PrisonApprovalDbContext>();
        builder.Services.AddScoped<InmateFacts>();
        builder.Services.AddScoped<ApprovalOutcomes>();
        builder.Services.AddScoped<AffectedWork>();
        builder.Services.AddScoped<ApprovalDecisionHandler>();
        builder.Services.AddScoped<ImportInmatesHandler>();
        builder.Services.AddScoped<InmateViews>();
        builder.Services.AddScoped<InmateChangesHandler>();
        builder.Services.AddScoped<QuotaLedgerHandler>();
        builder.Services.AddScoped<BarVisitorHandler>();
        builder.Services.AddScoped<CheckEligibilityHandler>();
        builder.AddPeriodicWork<ExpireOverdueApprovals>();
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(PrisonApprovalModule).Assembly));
        return builder;
    }
}
