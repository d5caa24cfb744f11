using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.PrisonApproval.Features.CheckEligibility;

/// <summary>
/// ASP.NET Core's rate limiter on CheckEligibility, one sliding window per user (the token's
/// <c>sub</c>), limits from <see cref="EligibilityRateLimitOptions"/>. The gRPC method carries
/// <c>[EnableRateLimiting(Policy)]</c>; <c>UseRateLimiter</c> runs after authorization, so only a
/// caller the service accepted is counted, by who they are. A refused call is RESOURCE_EXHAUSTED
/// (<see cref="GrpcRateLimiting"/>).
/// </summary>
public static partial class EligibilityRateLimit
{
    public const string Policy = "check-eligibility";

    public static WebApplicationBuilder AddEligibilityRateLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EligibilityRateLimitOptions>()
            .Bind(builder.Configuration.GetSection(EligibilityRateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<EligibilityRateLimitOptions>>((limiter, limits) =>
        {
            limiter.OnRejected = (context, ct) =>
            {
                // A user at the limit may be walking the register: worth an operator's look.
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EligibilityRateLimit));
                LogRefused(logger, UserOf(context.HttpContext.User), context.HttpContext.User.FindFirstValue(CallerClaims.Organisation) ?? string.Empty);
                return GrpcRateLimiting.RefuseAsync(context, ct);
            };
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetSlidingWindowLimiter(
                UserOf(context.User),
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = limits.Value.PermitLimit,
                    Window = limits.Value.Window,
                    SegmentsPerWindow = limits.Value.SegmentsPerWindow,
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    /// <summary>The partition: the token's user. Authorization ran first, so a call without one never gets here.</summary>
    private static string UserOf(ClaimsPrincipal user) => user.FindFirstValue(CallerClaims.Subject) ?? string.Empty;

    [LoggerMessage(Level = LogLevel.Warning, Message = "CheckEligibility refused to {User} of {Organisation}: the per-user limit is reached")]
    private static partial void LogRefused(ILogger logger, string user, string organisation);
}
