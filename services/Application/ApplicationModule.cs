using Visitation.Workflow.Audit;
using Visitation.Workflow.ReferenceData;
using MassTransit;
using Visitation.Application.Data;
using Visitation.Contracts.Events;
using Visitation.Application.Features.GetApplication;
using Visitation.Application.Features.ListApplications;
using Visitation.Application.Features.Report;
using Visitation.Application.Features.Retention;
using Visitation.Application.Features.Submit;
using Visitation.Application.Features.Timeline;
using Visitation.Application.Features.Withdraw;
using Visitation.Messaging.Database;
using Visitation.Messaging;
using Visitation.Protection;
using Visitation.Workflow.Retention;

namespace Visitation.Application;

/// <summary>The application service's own registrations: its database, handlers and consumers.</summary>
public static class ApplicationModule
{
    public const string Name = "application";

    public static WebApplicationBuilder AddApplicationService(this WebApplicationBuilder builder)
    {
        builder.AddReferenceData();
        builder.AddServiceDatabase<ApplicationDbContext>();
        // The visitor key is shared with prison-approval only (docs/data-minimisation.md).
        builder.AddFieldProtection<ApplicationDbContext>(VisitorDetails.KeyPurpose);
        builder.Services.AddSingleton<SubmissionEvents>();
        builder.Services.AddScoped<SubmitApplicationHandler>();
        builder.Services.AddScoped<NoShowHold>();
        builder.Services.AddScoped<GetApplicationHandler>();
        builder.Services.AddScoped<ListApplicationsHandler>();
        builder.Services.AddScoped<WithdrawApplicationHandler>();
        builder.Services.AddScoped<Features.Resubmit.ResubmitApplicationHandler>();
        builder.Services.AddScoped<ReportQueries>();
        builder.Services.AddScoped<ApplicationReportHandler>();
        builder.Services.AddScoped<Features.NotReached.ListFamiliesNotReachedHandler>();
        builder.Services.AddScoped<Features.NotReached.CountFamiliesNotReachedHandler>();
        builder.Services.AddScoped<Features.NotReached.CloseFamilyNotReachedHandler>();
        builder.AddRetention<AnonymiseClosedApplications>();
        builder.AddAuditRelay(Name);
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(TimelineConsumer<>).Assembly));
        return builder;
    }
}
