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
    public const string TestingEnvironment = "Testing";

    public static void AddVisitationAuth(this WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        builder.Services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .ValidateDataAnnotations()
            // A symmetric key lets whoever holds it mint any role: only the test project's in-process services may trust one.
            .Validate(
                options => !string.IsNullOrEmpty(options.Authority) || environment.IsEnvironment(TestingEnvironment),
                "Auth:Authority (the identity service) must be configured; a symmetric Auth:SigningKey is accepted only in the Testing environment.")
            .ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value, environment));
        builder.Services.AddAuthorization();
    }

    private static void Configure(JwtBearerOptions jwt, AuthOptions options, IHostEnvironment environment)
    {
        // Keep claim names as issued ("role", "org"), not the SOAP-era URIs.
        jwt.MapInboundClaims = false;
        // A token's lifetime is real time, whatever the services' clock reads: the identity service
        // stamps it by the real clock, and a training clock set weeks ahead must neither expire every
        // token nor revive an expired one. IdentityModel checks lifetimes against the real clock
        // (DateTime.UtcNow), not the TimeProvider the services use; the scheme is pinned to the real
        // clock as well, where ASP.NET Core would hand it the services'.
        jwt.TimeProvider = TimeProvider.System;
        var parameters = new TokenValidationParameters
        {
            ValidAudience = options.Audience,
            RoleClaimType = CallerClaims.Role,
            NameClaimType = CallerClaims.Subject,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        if (!string.IsNullOrEmpty(options.Authority))
        {
            // Issuer and keys come from the authority's discovery document and JWKS. Only its access
            // tokens (typ at+jwt), only asymmetric signatures: an HS256 token is refused whatever its key.
            jwt.Authority = options.Authority;
            jwt.RequireHttpsMetadata = !(environment.IsDevelopment() || environment.IsEnvironment(TestingEnvironment));
            parameters.ValidTypes = ["at+jwt"];
            parameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
            jwt.TokenValidationParameters = parameters;
            return;
        }

        // Testing only (checked at start-up): the test project's HS256 issuer.
        parameters.ValidIssuer = options.Issuer;
        parameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey));
        parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        jwt.TokenValidationParameters = parameters;
    }
}
