using Visitation.Workflow.Audit;
using MassTransit;
using Visitation.Contracts.Events;
using Visitation.Protection;
using Visitation.Messaging;
using Visitation.Messaging.Database;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.BarVisitor;
using Visitation.PrisonApproval.Features.CheckEligibility;
using Visitation.PrisonApproval.Features.Clock;
using Visitation.PrisonApproval.Features.Decide;
using Visitation.PrisonApproval.Features.Eligibility;
using Visitation.PrisonApproval.Features.EndInmateStatus;
using Visitation.PrisonApproval.Features.MoveInmate;
using Visitation.PrisonApproval.Features.GetInmate;
using Visitation.PrisonApproval.Features.ImportInmates;
using Visitation.PrisonApproval.Features.InFlight;
using Visitation.PrisonApproval.Features.LegacyData;
using Visitation.PrisonApproval.Features.ListApprovals;
using Visitation.PrisonApproval.Features.RecordDeparture;
using Visitation.PrisonApproval.Features.RecordOnSiteVisit;
using Visitation.PrisonApproval.Features.RecordSpecialApproval;
using Visitation.PrisonApproval.Features.Register;
using Visitation.PrisonApproval.Features.Retention;
using Visitation.PrisonApproval.Features.SetInmateStatus;
using Visitation.Rules.ReferenceData;
using Visitation.Workflow.ReferenceData;
using Visitation.Workflow.Retention;

namespace Visitation.PrisonApproval;

public static class PrisonApprovalModule
{
    public const string Name = "prison-approval";

    public static WebApplicationBuilder AddPrisonApprovalService(this WebApplicationBuilder builder)
    {
        builder.AddReferenceData();
        builder.AddServiceDatabase<PrisonApprovalDbContext>();
        // Bars encrypted at rest; the visitor key shared with the application service only (docs/data-minimisation.md).
        builder.AddFieldProtection<PrisonApprovalDbContext>(VisitorDetails.KeyPurpose);
        builder.Services.AddHostedService<LegacyRelativeKeys>();

        // What several use cases share: the rules engine's door to the records, the outcomes of a
        // decision, the reach of a change into the work in flight, the register's views.
        builder.Services.AddScoped<InmateFacts>();
        builder.Services.AddScoped<ApprovalOutcomes>();
        builder.Services.AddScoped<AffectedWork>();
        builder.Services.AddScoped<InmateViews>();

        // One per use case, as the gRPC routing table calls them.
        builder.Services.AddScoped<ImportInmatesHandler>();
        builder.Services.AddScoped<ListApprovalsQuery>();
        builder.Services.AddScoped<RuleVerdicts>();
        builder.Services.AddScoped<ApprovalDecisionHandler>();
        builder.Services.AddScoped<Features.SendBack.SendBackHandler>();
        builder.Services.AddScoped<GetInmateQuery>();
        builder.Services.AddScoped<RecordDepartureHandler>();
        builder.Services.AddScoped<SetInmateStatusHandler>();
        builder.Services.AddScoped<EndInmateStatusHandler>();
        builder.Services.AddScoped<CancelledVisitReoffer>();
        builder.Services.AddScoped<MoveInmateAreaHandler>();
        builder.Services.AddScoped<BarVisitorHandler>();
        builder.Services.AddScoped<RecordOnSiteVisitHandler>();
        builder.Services.AddScoped<RecordSpecialApprovalHandler>();
        builder.Services.AddScoped<CheckEligibilityHandler>();
        builder.AddEligibilityRateLimit();

        builder.AddPeriodicWork<ExpireOverdueApprovals>();
        builder.AddRetention<AnonymiseClosedApprovals>();
        builder.AddAuditRelay(Name);
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(PrisonApprovalModule).Assembly));
        return builder;
    }
}
