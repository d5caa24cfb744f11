using System.Security.Claims;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.ServiceDefaults.Auth;

/// <summary>
/// The one place every call is authorised, before any handler runs: the token's organisation must
/// exist and fit its role, and the policy table must allow the role on the method; otherwise
/// PERMISSION_DENIED. An allowed call carries its <see cref="Caller"/>, with the organisations it
/// may reach, for the handler (<see cref="Caller.From"/>). A method the table does not list is
/// refused (deny by default), and so is every call of a service that registered no policy.
/// </summary>
public sealed class AccessInterceptor : Interceptor
{
    /// <summary>gRPC's own health and reflection services, which carry no data of ours.</summary>
    private static readonly string[] FrameworkServices = ["/grpc.health.v1.Health/", "/grpc.reflection."];

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Authorise(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Authorise(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Authorise(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        Authorise(context);
        return continuation(requestStream, responseStream, context);
    }

    /// <summary>The one refusal of a call that is not allowed, whatever the reason: it tells nothing of the table or the tree.</summary>
    internal static RpcException Refused() => GrpcErrors.PermissionDenied("无权执行此操作");

    private static void Authorise(ServerCallContext context)
    {
        if (FrameworkServices.Any(prefix => context.Method.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return;
        }

        var http = context.GetHttpContext();
        var user = http.User;
        string Claim(string type) => user.FindFirstValue(type) ?? string.Empty;
        var (subject, role, organisation) = (Claim(CallerClaims.Subject), Claim(CallerClaims.Role), Claim(CallerClaims.Organisation));
        var policy = http.RequestServices.GetService<IAccessPolicy>();
        if (subject.Length == 0 || role.Length == 0 || organisation.Length == 0 || policy is null)
        {
            throw Refused();
        }

        // Checked first and apart from the method: a token for an organisation that does not exist
        // (or a clerk "of" a prison) gets the same refusal on every call, reads and writes alike.
        if (!policy.IsValidOrganisation(role, organisation))
        {
            throw GrpcErrors.PermissionDenied("令牌中的机构无效");
        }

        var reach = policy.Reach(context.Method, role, organisation) ?? throw Refused();
        http.Features.Set(new Caller(subject, role, organisation) { Organisations = reach });
    }
}
