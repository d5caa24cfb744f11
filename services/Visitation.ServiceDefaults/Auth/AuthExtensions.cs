using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Visitation.ServiceDefaults.Auth;

internal static class AuthExtensions
{
    public static void AddVisitationAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var local = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        if (string.IsNullOrEmpty(options.Authority) && options.SigningKey == AuthOptions.DevelopmentSigningKey && !local)
        {
            // The development key is published in the README: anywhere else it would let anyone mint any role.
            throw new InvalidOperationException("Auth:Authority (or a private Auth:SigningKey) must be configured outside Development and Testing.");
        }

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                // Keep claim names as issued ("role", "org"), not the SOAP-era URIs.
                jwt.MapInboundClaims = false;
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
            });
        builder.Services.AddAuthorization();
    }
}
