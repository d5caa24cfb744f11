using Grpc.Core;
using Grpc.Core.Interceptors;
using Google.Protobuf;

namespace Visitation.Messaging.Tracing;

/// <summary>
/// A call that acts on one application (its request names an <c>application_id</c>) runs inside the
/// application's trace (<see cref="ApplicationTrace"/>), linked to the request's own span: a
/// reviewer's decision, an officer's approval, a confirmation are steps of the application's one
/// trace, and the events they publish carry it on. Reads (Get…, List…, Check…) are left in their
/// request's trace: a console polling a page is not a step of the application.
/// </summary>
internal sealed class ApplicationTraceInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var method = context.Method[(context.Method.LastIndexOf('/') + 1)..];
        if (IsRead(method) || ApplicationIdIn(request) is not { } applicationId)
        {
            return await continuation(request, context);
        }

        using var activity = ApplicationTrace.Start(method, applicationId, System.Diagnostics.ActivityKind.Internal);
        return await continuation(request, context);
    }

    private static bool IsRead(string method) =>
        method.StartsWith("Get", StringComparison.Ordinal) || method.StartsWith("List", StringComparison.Ordinal) || method.StartsWith("Check", StringComparison.Ordinal)
        || method.StartsWith("Count", StringComparison.Ordinal);

    private static Guid? ApplicationIdIn(object request) =>
        request is IMessage message
        && message.Descriptor.FindFieldByName("application_id") is { FieldType: Google.Protobuf.Reflection.FieldType.String } field
        && Guid.TryParse(field.Accessor.GetValue(message) as string, out var id)
            ? id
            : null;
}
