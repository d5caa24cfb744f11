using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Visitation.ServiceDefaults.Grpc;

/// <summary>The few ways a call is refused, each with the status code the API promises.</summary>
public static class GrpcErrors
{
    public static RpcException NotFound(string what, string id) =>
        Build(Code.NotFound, $"{what} {id} 不存在");

    public static RpcException PermissionDenied(string message) =>
        Build(Code.PermissionDenied, message);

    public static RpcException FailedPrecondition(string message) =>
        Build(Code.FailedPrecondition, message);

    public static RpcException InvalidArgument(IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        var fields = string.Join(", ", badRequest.FieldViolations.Select(v => v.Field));
        return Build(Code.InvalidArgument, $"输入有误：{fields}", Any.Pack(badRequest));
    }

    private static RpcException Build(Code code, string message, Any? detail = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (detail is not null)
        {
            status.Details.Add(detail);
        }

        return status.ToRpcException();
    }
}
