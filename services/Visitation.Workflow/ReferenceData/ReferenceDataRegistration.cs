using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Visitation.Messaging.Tracing;
using Visitation.Rules.ReferenceData;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Access;
using Visitation.Workflow.Audit;

namespace Visitation.Workflow.ReferenceData;

public static class ReferenceDataRegistration
{
    /// <summary>The organisations, calendars and policies under <c>deploy/reference-data</c>, read once at start-up (the load audited), and the access policy on that organisation tree (with the kinds of the calls it lists).</summary>
    public static WebApplicationBuilder AddReferenceData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => ReferenceDataLoader.Read(builder.Configuration));
        builder.Services.AddSingleton(services => services.GetRequiredService<LoadedReferenceData>().Data);
        // Each load is audited once per content: a restart on the same files records nothing new.
        builder.Services.AddHostedService<ReferenceDataLoadAudit>();
        builder.Services.AddSingleton<PrisonCalendars>();
        // Who may call what, and reach which organisations' records, is decided on this tree (docs/access.md).
        builder.Services.AddSingleton<IAccessPolicy, ReferenceDataAccessPolicy>();
        // The same table says which calls change an application, and so are steps of its trace (docs/tracing.md).
        builder.Services.AddSingleton<ICallKinds, AccessPolicyCallKinds>();
        return builder;
    }
}
