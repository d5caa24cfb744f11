using Visitation.Workflow.Audit;
using Visitation.Workflow.ReferenceData;
using Visitation.Workflow.Retention;
using Visitation.Scheduling.Data;
using Visitation.Scheduling.Features.Cancel;
using Visitation.Scheduling.Features.MoveInmate;
using Visitation.Scheduling.Features.Propose;
using Visitation.Scheduling.Features.Recheck;
using Visitation.Scheduling.Features.Retention;
using Visitation.Scheduling.Features.Visits;
using Visitation.Scheduling.Grpc;
using Visitation.Messaging.Database;
using Visitation.Messaging;
using MassTransit;
using Visitation.Contracts.Events;
using Visitation.Protection;

namespace Visitation.Scheduling;

public static class SchedulingModule
{
    public const string Name = "scheduling";

    public static WebApplicationBuilder AddSchedulingService(this WebApplicationBuilder builder)
    {
        builder.AddReferenceData();
        builder.AddServiceDatabase<SchedulingDbContext>();
        // Only for the visitor key (check-in at the venue, docs/console-venue.md): scheduling seals no field.
        builder.AddFieldProtection<SchedulingDbContext>(VisitorDetails.KeyPurpose);
        builder.Services.AddScoped<SlotFinder>();
        builder.Services.AddScoped<Proposals>();
        builder.Services.AddScoped<CurrentInmateArea>();
        builder.Services.AddScoped<VisitSteps>();
        builder.Services.AddScoped<VisitCancellation>();
        AddUseCaseHandlers(builder.Services);
        builder.Services.AddGrpc().AddServiceOptions<SchedulingGrpcService>(grpc => grpc.Interceptors.Add<VisitTransitionErrors>());
        builder.Services.AddHostedService<BookedVisitsRecheck>();
        builder.AddRetention<AnonymiseClosedVisits>();
        builder.AddAuditRelay(Name);
        builder.AddServiceMessaging(Name, bus => bus.AddConsumers(typeof(SchedulingModule).Assembly));
        return builder;
    }

    /// <summary>Every use case's handler (<c>Features/&lt;UseCase&gt;/&lt;UseCase&gt;Handler</c>), one per call, as the routing table asks for them.</summary>
    private static void AddUseCaseHandlers(IServiceCollection services)
    {
        var handlers = typeof(SchedulingModule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Handler", StringComparison.Ordinal)
                && t.Namespace?.StartsWith("Visitation.Scheduling.Features.", StringComparison.Ordinal) == true);
        foreach (var handler in handlers)
        {
            services.AddScoped(handler);
        }
    }
}
