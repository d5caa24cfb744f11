using System.ComponentModel.DataAnnotations;
using Visitation.Messaging;

namespace Visitation.PrisonApproval.Features.CheckEligibility;

/// <summary>
/// How many questions one user may ask in a sliding window (<c>RateLimits:CheckEligibility</c>). A
/// counter asks a few times per family; a clerk asking hundreds an hour is walking a register. The
/// count is kept per service instance, so with N instances behind a balancer a user gets up to N
/// times the limit: set it with that in mind.
/// </summary>
public sealed class EligibilityRateLimitOptions
{
    public const string Section = "RateLimits:CheckEligibility";

    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 30;

    [PositiveDuration]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The window slides in this many steps: a used question comes back one step after the window has passed it.</summary>
    [Range(1, 60)]
    public int SegmentsPerWindow { get; set; } = 6;
}
