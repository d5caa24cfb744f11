using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Visitation.ServiceDefaults.Grpc.Hygiene;

/// <summary>
/// Every call's request passes <see cref="RequestHygiene"/> before its handler runs, reads and writes
/// alike: a violation is INVALID_ARGUMENT naming at most <see cref="InputRules.MaxViolations"/> fields,
/// and nothing of the handler (no query, no row, no event) happens. Accepted texts reach the handler
/// NFC-normalised. It runs after the <see cref="Auth.AccessInterceptor"/>, which reads no field of
/// the request: a caller the table refuses learns nothing of the input rules.
/// </summary>
public sealed class InputHygieneInterceptor : Interceptor
{
    /// <summary>China Standard Time, the offset the services' days are counted in; a day early or late does not matter to a ten-year range.</summary>
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Refuse(request, context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Refuse(request, context);
        return continuation(request, responseStream, context);
    }

    private static void Refuse<TRequest>(TRequest request, ServerCallContext context)
    {
        if (request is not IMessage message)
        {
            return;
        }

        var clock = context.GetHttpContext().RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
        var violations = RequestHygiene.Check(message, today);
        if (violations.Count > 0)
        {
            throw GrpcErrors.InvalidArgument(violations);
        }
    }
}
