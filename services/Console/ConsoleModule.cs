using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Menus;
using Visitation.Console.SignIn;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Clock;
using Visitation.Workflow.ReferenceData;

namespace Visitation.Console;

/// <summary>The console's registrations and its request pipeline.</summary>
public static class ConsoleModule
{
    public const string ClerkPolicy = "clerk";
    public const string CounterPolicy = "counter";
    public const string ReviewerPolicy = "reviewer";
    public const string OfficerPolicy = "officer";
    public const string VenuePolicy = "venue";
    public const string AccountsPolicy = "accounts";
    public const string AuditPolicy = "audit";
    public const string SecurityPolicy = "security";
    public const string OperatorPolicy = "operator";
    public const string ReportsPolicy = "reports";

    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().Bind(builder.Configuration.GetSection(ConsoleOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // The same clock as the services (a training clock in a rehearsal), so "this month" agrees with theirs.
        builder.AddVisitationClock();
        // Loaded with its files' fingerprints: the operator's page shows what the console runs on.
        builder.Services.AddSingleton(_ => ReferenceDataLoader.Read(builder.Configuration));
        builder.Services.AddSingleton(services => services.GetRequiredService<LoadedReferenceData>().Data);
        builder.AddConsoleSignIn();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ClerkPolicy, policy => policy.RequireRole(Roles.Clerk))
            // The counter's question is a clerk's, and a reviewer's checking an application's family.
            .AddPolicy(CounterPolicy, policy => policy.RequireRole(Roles.Clerk, Roles.Reviewer))
            .AddPolicy(ReviewerPolicy, policy => policy.RequireRole(Roles.Reviewer))
            // A director signs special approvals at a prison: the officer's pages, the services decide each action.
            .AddPolicy(OfficerPolicy, policy => policy.RequireRole(Roles.Officer, Roles.Director))
            .AddPolicy(VenuePolicy, policy => policy.RequireRole(Roles.VenueStaff))
            .AddPolicy(AccountsPolicy, policy => policy.RequireRole(Roles.SystemAdministrator))
            .AddPolicy(AuditPolicy, policy => policy.RequireRole(Roles.AuditAdministrator))
            .AddPolicy(SecurityPolicy, policy => policy.RequireRole(Roles.SecurityAdministrator))
            .AddPolicy(OperatorPolicy, policy => policy.RequireRole(Roles.Operator))
            // Managers of a bureau or a prison read the figures of their own organisation.
            .AddPolicy(ReportsPolicy, policy => policy.RequireRole(Roles.Reviewer, Roles.Officer, Roles.Director));
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/Index");
            pages.Conventions.AllowAnonymousToPage("/Error");
            pages.Conventions.AuthorizeFolder("/Applications", ClerkPolicy);
            pages.Conventions.AuthorizeFolder("/Eligibility", CounterPolicy);
            // One folder per role's work (docs/console.md): the folder's policy is the first gate, the service the second.
            pages.Conventions.AuthorizeFolder("/Review", ReviewerPolicy);
            pages.Conventions.AuthorizeFolder("/Prison", OfficerPolicy);
            pages.Conventions.AuthorizeFolder("/Venue", VenuePolicy);
            pages.Conventions.AuthorizeFolder("/Admin/Accounts", AccountsPolicy);
            pages.Conventions.AuthorizeFolder("/Admin/Audit", AuditPolicy);
            pages.Conventions.AuthorizeFolder("/Admin/Security", SecurityPolicy);
            pages.Conventions.AuthorizeFolder("/Admin/ReferenceData", OperatorPolicy);
            pages.Conventions.AuthorizeFolder("/Reports", ReportsPolicy);
        }).AddMvcOptions(mvc =>
        {
            mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            mvc.Filters.Add(new SessionEndedFilter());
        });
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = "visitation-console-af");
        builder.Services.AddSingleton<ServiceChannels>();
        builder.Services.AddScoped<ServiceClients>();
        builder.Services.AddSingleton<MenuItems>();
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.Use(async (context, next) =>
        {
            // Nothing from elsewhere: the pages load only the console's own files (no CDN, no inline script).
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self' " +
                app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConsoleOptions>>().Value.Authority +
                "; frame-ancestors 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            await next(context);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health");
        app.MapRazorPages();
        app.MapSignIn();
        app.MapSignOut();
        return app;
    }
}
