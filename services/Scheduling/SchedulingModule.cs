using Visitation.Workflow.ReferenceData;
using MassTransit;
using Visitation.Scheduling.Data;
using Visitation.Rules.ReferenceData;
using Visitation.Scheduling.Features.Cancel;
using Visitation.Scheduling.Features.Confirm;
using Visitation.Scheduling.Features.DayOf;
using Visitation.Scheduling.Features.Propose;
using Visitation.Scheduling.Features.Recheck;
using Visitation.Messaging.Database;
using Visitation.Messaging;

namespace Visitation.Scheduling;

public static class SchedulingModule
{
    public const string Name = "scheduling";

    public static WebApplicationBuilder AddSchedulingService(this WebApplicationBuilder builder)
    {
        builder.AddReferenceData();
        builder.AddServiceDatabase<SchedulingDbContext>();
        builder.Services.AddScoped<SlotFinder>();
        builder.Services.AddScoped<Proposals>();
        builder.Services.AddScoped<ConfirmVisitHandler>();
        builder.Services.AddScoped<CheckInHandler>();
        builder.Services.AddScoped<CallHandler>();
        builder.Services.AddScoped<VisitCancellation>();
        builder.Services.AddScoped<CancelHandler>();
        builder.Services.AddHostedService<BookedVisitsRecheck>();
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(SchedulingModule).Assembly));
        return builder;
    }
}
