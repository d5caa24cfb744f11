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
public static class EligibilityRateLimit
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
            limiter.OnRejected = GrpcRateLimiting.RefuseAsync;
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetSlidingWindowLimiter(
                context.User.FindFirstValue(CallerClaims.Subject) ?? string.Empty,
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
}
