using Grpc.Core;
using Grpc.Core.Interceptors;
using Visitation.Rules.Visits;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Grpc;

/// <summary>
/// An action the visit's status does not allow answers FAILED_PRECONDITION with the visit's Chinese
/// refusal: the request was well formed, the visit is not where it would have to be.
/// </summary>
public sealed class VisitTransitionErrors : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        try
        {
            return await continuation(request, context);
        }
        catch (IllegalVisitTransitionException refused)
        {
            throw GrpcErrors.FailedPrecondition(refused.Message);
        }
    }
}
