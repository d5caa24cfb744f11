using Grpc.Core;
using Grpc.Core.Interceptors;
using Google.Protobuf;

namespace Visitation.Messaging.Tracing;

/// <summary>
/// A call that changes one application (its request names an <c>application_id</c>) runs inside the
/// application's trace (<see cref="ApplicationTrace"/>), linked to the request's own span: a
/// reviewer's decision, an officer's approval, a confirmation are steps of the application's one
/// trace, and the events they publish carry it on. Reads are left in their request's trace: a console
/// polling a page is not a step of the application. Which calls are reads is the service's table of
/// its RPCs (<see cref="ICallKinds"/>), not their names.
/// </summary>
internal sealed class ApplicationTraceInterceptor(ICallKinds kinds) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (StepOf(context.Method, request) is not { } applicationId)
        {
            return await continuation(request, context);
        }

        using var activity = ApplicationTrace.Start(context.Method[(context.Method.LastIndexOf('/') + 1)..], applicationId, System.Diagnostics.ActivityKind.Internal);
        return await continuation(request, context);
    }

    /// <summary>The application whose step <paramref name="fullMethodName"/> is, called with <paramref name="request"/>; null for a read or a call that names none.</summary>
    internal Guid? StepOf(string fullMethodName, object request) =>
        kinds.Changes(fullMethodName) ? ApplicationIdIn(request) : null;

    private static Guid? ApplicationIdIn(object request) =>
        request is IMessage message
        && message.Descriptor.FindFieldByName("application_id") is { FieldType: Google.Protobuf.Reflection.FieldType.String } field
        && Guid.TryParse(field.Accessor.GetValue(message) as string, out var id)
            ? id
            : null;
}
