using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Visitation.Rules.ReferenceData;

namespace Visitation.Workflow.ReferenceData;

public static class ReferenceDataRegistration
{
    /// <summary>The organisations, calendars and policies under <c>deploy/reference-data</c>, read once at start-up.</summary>
    public static WebApplicationBuilder AddReferenceData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(_ => ReferenceDataLoader.Load(builder.Configuration));
        builder.Services.AddSingleton<PrisonCalendars>();
        return builder;
    }
}
