namespace Visitation.ServiceDefaults.Grpc;

/// <summary>Parses the ids a request names; a malformed id is a bad argument, not a 500.</summary>
public static class Ids
{
    public static Guid Parse(string? value, string field)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }

        throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation { Field = field, Description = "不是有效的编号" }]);
    }
}
