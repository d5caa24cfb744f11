using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Visitation.ServiceDefaults.Auth;

internal static class AuthExtensions
{
    public static void AddVisitationAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .ValidateDataAnnotations()
            // The development key is published in the README: anywhere else it would let anyone mint any role.
            .Validate<IHostEnvironment>(
                (options, environment) => !string.IsNullOrEmpty(options.Authority) || options.SigningKey != AuthOptions.DevelopmentSigningKey || IsLocal(environment),
                "Auth:Authority (or a private Auth:SigningKey) must be configured outside Development and Testing.")
            .ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));
        builder.Services.AddAuthorization();
    }

    private static bool IsLocal(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    private static void Configure(JwtBearerOptions jwt, AuthOptions options)
    {
        // Keep claim names as issued ("role", "org"), not the SOAP-era URIs.
        jwt.MapInboundClaims = false;
        // A token's lifetime is real time, whatever the services' clock reads: the identity provider
        // (or the development issuer) stamps it by the real clock, and a training clock set weeks
        // ahead must neither expire every token nor revive an expired one. IdentityModel checks
        // lifetimes against the real clock (DateTime.UtcNow), not the TimeProvider the services use;
        // the scheme is pinned to the real clock as well, where ASP.NET Core would hand it the services'.
        jwt.TimeProvider = TimeProvider.System;
        if (!string.IsNullOrEmpty(options.Authority))
        {
            jwt.Authority = options.Authority;
            jwt.Audience = options.Audience;
            return;
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)),
            RoleClaimType = CallerClaims.Role,
            NameClaimType = CallerClaims.Subject,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
    }
}
