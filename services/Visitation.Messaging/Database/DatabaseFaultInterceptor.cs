using Grpc.Core;
using Grpc.Core.Interceptors;
using Visitation.Messaging;

namespace Visitation.Messaging.Database;

/// <summary>
/// A call that fails because the database is away answers UNAVAILABLE (retry later), and one that
/// lost a race for the same record answers ABORTED (re-read, then decide), not UNKNOWN: the client
/// learns the difference between "try again" and "this is wrong".
/// </summary>
internal sealed class DatabaseFaultInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException && TransientFaults.IsTransient(ex))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "服务暂时不可用，请稍后重试"));
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            // Someone else changed the same record first (e.g. a second reviewer's decision): nothing of ours was saved.
            throw new RpcException(new Status(StatusCode.Aborted, "该记录刚被他人修改，请刷新后重试"));
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two calls created the same record at once (e.g. two imports of one new inmate): one won.
            // Handlers that can answer with the winner catch it themselves; the rest answer "re-read".
            throw new RpcException(new Status(StatusCode.Aborted, "该记录刚被他人同时创建，请刷新后重试"));
        }
    }
}
