using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Visitation.ServiceDefaults.Grpc;

/// <summary>The few ways a call is refused, each with the status code the API promises.</summary>
public static class GrpcErrors
{
    /// <summary>The longest id a NOT_FOUND names; a longer or unprintable one is not repeated (the input rules refuse it first anyway).</summary>
    private const int MaxEchoedId = 64;

    /// <summary>At most this many fields named in an INVALID_ARGUMENT's message (in Chinese); the details carry the rest.</summary>
    private const int FieldsInMessage = 5;

    /// <summary>A field path longer than this is cut: a path names fields and indexes, never a value.</summary>
    private const int MaxFieldPath = 100;

    /// <summary>A description longer than this is cut (a province's approval chain spelled out fits).</summary>
    private const int MaxDescription = 200;

    /// <summary>The details' budget in bytes: violations past it are left out, whatever the validators wrote.</summary>
    private const int MaxDetailsBytes = 4 * 1024;

    public static RpcException NotFound(string what, string id) =>
        Build(Code.NotFound, IsEchoable(id) ? $"{what} {id} 不存在" : $"{what}不存在");

    /// <summary>The idempotency key was used before for a different request: the first one stands, nothing is filed.</summary>
    public static RpcException AlreadyExists(string message) =>
        Build(Code.AlreadyExists, message);

    public static RpcException PermissionDenied(string message) =>
        Build(Code.PermissionDenied, message);

    public static RpcException FailedPrecondition(string message) =>
        Build(Code.FailedPrecondition, message);

    /// <summary>
    /// Names at most <see cref="Hygiene.InputRules.MaxViolations"/> violations within
    /// <see cref="MaxDetailsBytes"/> (at least one), each cut short, and at most
    /// <see cref="FieldsInMessage"/> fields in the message: the status travels in HTTP/2 trailers,
    /// and one larger than the client's header limit fails the call and stalls the connection.
    /// </summary>
    public static RpcException InvalidArgument(IEnumerable<BadRequest.Types.FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var badRequest = new BadRequest();
        var left = false;
        foreach (var violation in violations)
        {
            var full = badRequest.FieldViolations.Count >= Hygiene.InputRules.MaxViolations;
            var cut = new BadRequest.Types.FieldViolation
            {
                Field = Cut(violation.Field, MaxFieldPath),
                Description = Cut(violation.Description, MaxDescription),
                Reason = Cut(violation.Reason, MaxFieldPath),
            };
            if (full || (badRequest.FieldViolations.Count > 0 && badRequest.CalculateSize() + cut.CalculateSize() > MaxDetailsBytes))
            {
                left = true;
                break;
            }

            badRequest.FieldViolations.Add(cut);
        }

        // People read the message: each field once, by its Chinese name; programs read the violations' paths.
        var named = badRequest.FieldViolations.Select(v => FieldNames.Of(v.Field)).Distinct().ToList();
        var fields = string.Join("、", named.Take(FieldsInMessage)) + (left || named.Count > FieldsInMessage ? "等" : "");
        return Build(Code.InvalidArgument, $"输入有误：{fields}", Any.Pack(badRequest));
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static bool IsEchoable(string id) =>
        id.Length <= MaxEchoedId && id.All(c => !char.IsControl(c) && !char.IsSurrogate(c) && !Hygiene.TextChecks.IsBidiControl(c));

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
