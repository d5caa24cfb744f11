using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;
using Visitation.Identity.Administration;
using Visitation.Identity.Administration.Accounts;
using Visitation.Identity.Administration.Keys;
using Visitation.Identity.Administration.Lockouts;
using Visitation.Workflow.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Visitation.Identity.Accounts;
using Visitation.Identity.Clients;
using Visitation.Identity.Connect;
using Visitation.Identity.Data;
using Visitation.Identity.Seeding;
using Visitation.Identity.SignIn;
using Visitation.Identity.Signing;
using Visitation.Messaging;
using Visitation.Messaging.Audit;
using Visitation.Messaging.Database;
using Visitation.ServiceDefaults;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Audit;
using Visitation.Workflow.ReferenceData;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Visitation.Identity;

/// <summary>The identity service's registrations: its database, accounts, the OpenID Connect server, seeding.</summary>
public static class IdentityModule
{
    public const string Name = "identity";

    public static WebApplicationBuilder AddIdentityService(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(IdentityServiceOptions.Section).Get<IdentityServiceOptions>() ?? new IdentityServiceOptions();
        builder.Services.AddOptions<IdentityServiceOptions>().Bind(builder.Configuration.GetSection(IdentityServiceOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddReferenceData();
        builder.Services.AddSingleton<KnownOrganisations>();

        var connectionString = builder.Configuration.GetConnectionString(DatabaseExtensions.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{DatabaseExtensions.ConnectionName} is not configured.");
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditCommitInterceptor>();
        builder.Services.AddDbContext<IdentityDb>((services, options) => options.UseServicePostgres(connectionString)
            .AddInterceptors(services.GetRequiredService<AuditCommitInterceptor>()));
        builder.Services.AddMigrationsAtStart<IdentityDb>();
        // The audit the start-up's reference-data load is recorded in (ReferenceDataLoadAudit).
        builder.Services.AddScoped<IAuditedContext>(services => services.GetRequiredService<IdentityDb>());
        AddAuditRelay(builder);

        AddAccounts(builder, settings);
        AddServer(builder, settings);

        AddAdministration(builder);
        builder.Services.AddScoped<AccountAdministration>();
        builder.Services.AddScoped<AccountStanding>();
        builder.Services.AddScoped<ClientRegistration>();
        builder.Services.AddHostedService<StartupSeeding>();
        builder.AddPeriodicWork<PruneEndedSessions>();
        builder.Services.AddAntiforgery();
        builder.Services.AddHealthChecks();
        // The five services' safety net: nothing shaped like an ID or mobile number leaves in a log
        // record or span (a user name or a failed lookup's message could carry one).
        builder.AddServiceTelemetry(Name);
        return builder;
    }

    public static WebApplication MapIdentityService(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Only this service's own access tokens (audience visitation-identity), never the sign-in cookie.
        app.MapGrpcService<IdentityAdminGrpcService>()
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme });
        app.MapHealthChecks("/health");
        app.MapSignIn();
        app.MapMethods("/connect/authorize", ["GET", "POST"], AuthorizeEndpoint.HandleAsync).DisableAntiforgery();
        app.MapPost("/connect/token", TokenEndpoint.HandleAsync).DisableAntiforgery();
        app.MapMethods("/connect/endsession", ["GET", "POST"], EndSessionEndpoint.HandleAsync).DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// The administration API (gRPC): authorised call by call by the shared <see cref="AccessInterceptor"/>
    /// on <see cref="AdminAccessTable"/>, with this service's own access tokens validated in-process.
    /// </summary>
    private static void AddAdministration(WebApplicationBuilder builder)
    {
        builder.Services.AddGrpc(grpc =>
        {
            grpc.EnableDetailedErrors = builder.Environment.IsDevelopment();
            grpc.Interceptors.Add<AccessInterceptor>();
        });
        builder.Services.AddSingleton<ReferenceDataAccessPolicy>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IAccessPolicy, AdminAccessPolicy>());
        builder.Services.AddAuthorization();
        builder.Services.AddScoped<AccountsInReach>();
        builder.Services.AddScoped<ListAccountsHandler>();
        builder.Services.AddScoped<CreateAccountHandler>();
        builder.Services.AddScoped<ChangeAccountHandler>();
        builder.Services.AddScoped<ListLockoutsHandler>();
        builder.Services.AddScoped<AccountSecurityHandler>();
        builder.Services.AddScoped<SigningKeysHandler>();
        builder.Services.AddScoped<SigningKeyAdministration>();
    }

    /// <summary>
    /// The identity service consumes nothing, but its audit rows go to the audit store like every
    /// service's: a bus with no consumers, which the audit relay publishes on (docs/audit-store.md).
    /// Without a broker configured (the identity service's own tests) the rows wait in its audit;
    /// Production refuses to start without one.
    /// </summary>
    private static void AddAuditRelay(WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString(MessagingExtensions.ConnectionName) is not null || builder.Environment.IsProduction())
        {
            builder.AddServiceMessaging(Name, _ => { });
            builder.AddAuditRelay(Name);
        }
    }

    private static void AddAccounts(WebApplicationBuilder builder, IdentityServiceOptions settings)
    {
        builder.Services.AddIdentity<StaffUser, IdentityRole>(identity =>
            {
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireNonAlphanumeric = true;
                identity.Password.RequiredUniqueChars = 6;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();
        // The keys of the sign-in cookie and the antiforgery tokens, in the identity database: every
        // instance behind the load balancer reads a cookie any other issued. One application name,
        // or each instance's content path would set its keys apart.
        builder.Services.AddDataProtection()
            .SetApplicationName("visitation-identity")
            .PersistKeysToDbContext<IdentityDb>();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            // The sign-in session's idle limit; the absolute one is the refresh token's.
            cookie.ExpireTimeSpan = settings.IdleLimit;
            cookie.SlidingExpiration = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
        });
        // A renewed stamp (sign-out elsewhere, role change, disable, password reset) ends the login cookie within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
    }

    private static void AddServer(WebApplicationBuilder builder, IdentityServiceOptions settings)
    {
        var local = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                if (Uri.TryCreate(settings.Issuer, UriKind.Absolute, out var issuer))
                {
                    server.SetIssuer(issuer);
                }

                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetRevocationEndpointUris("connect/revoke");
                // No password grant: a password is typed only into this service's own page.
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.SetAccessTokenLifetime(settings.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(settings.SessionLimit)
                    .DisableSlidingRefreshTokenExpiration();
                server.RegisterScopes([Scopes.OpenId, Scopes.OfflineAccess, .. ServiceScopes.Audiences.Keys]);
                // Plain signed JWTs, so each service validates them with the published keys alone.
                server.DisableAccessTokenEncryption();
                // Every refused refresh is audited, OpenIddict's own refusals (revoked, expired, replayed) included.
                server.AddEventHandler(RememberRefreshSubject.Descriptor).AddEventHandler(RefreshRefusalAudit.Descriptor);
                AddKeys(server, settings, local);
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (local)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            // The administration API takes this server's own tokens, checked with its keys in-process.
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.AddAudiences(ServiceScopes.AdminAudience);
                validation.UseAspNetCore();
            });
    }

    private static void AddKeys(OpenIddictServerBuilder server, IdentityServiceOptions settings, bool local)
    {
        var keys = SigningKeyFolder.Load(settings.KeyFolder, settings.KeyPassword);
        if (keys.Count == 0 && local && settings.KeyFolder.Length > 0)
        {
            // First start of a development or test run: make its key. Production brings its own (docs/identity.md).
            SigningKeyFolder.Create(settings.KeyFolder, settings.KeyPassword, DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromDays(365));
            keys = SigningKeyFolder.Load(settings.KeyFolder, settings.KeyPassword);
        }

        if (keys.Count == 0)
        {
            throw new OptionsValidationException(IdentityServiceOptions.Section, typeof(IdentityServiceOptions),
                [$"Identity:KeyFolder ('{settings.KeyFolder}') holds no *.pfx signing key."]);
        }

        foreach (var key in keys)
        {
            server.AddSigningCertificate(key).AddEncryptionCertificate(key);
        }
    }
}
