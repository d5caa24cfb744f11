using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Visitation.ServiceDefaults.Grpc;

/// <summary>
/// A call ASP.NET Core's rate limiter refuses, answered as gRPC. The middleware's own answer is a bare
/// HTTP status (503 by default, 429 if configured), which a gRPC client maps to UNAVAILABLE by the
/// protocol's HTTP-to-gRPC table and may retry at once. This answers RESOURCE_EXHAUSTED with a
/// message a person can read, as a trailers-only response: HTTP 200 with <c>grpc-status</c> and
/// <c>grpc-message</c> in the headers, no body.
/// </summary>
public static class GrpcRateLimiting
{
    /// <summary>Set as <see cref="RateLimiterOptions.OnRejected"/>.</summary>
    public static ValueTask RefuseAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)StatusCode.ResourceExhausted).ToString(CultureInfo.InvariantCulture);
        // grpc-message is percent-encoded UTF-8 (the protocol's rule for non-ASCII text).
        response.Headers["grpc-message"] = Uri.EscapeDataString(MessageFor(context.Lease));
        return ValueTask.CompletedTask;
    }

    /// <summary>The Chinese message, with the wait when the limiter knows it.</summary>
    public static string MessageFor(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? $"查询过于频繁，请{Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))}分钟后再试"
            : "查询过于频繁，请稍后再试";
    }
}
