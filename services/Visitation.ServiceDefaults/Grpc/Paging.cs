using System.Globalization;

namespace Visitation.ServiceDefaults.Grpc;

/// <summary>
/// Offset paging with an opaque token. Lists here are work queues of a few hundred rows per
/// organisation, so an offset is honest; keyset paging can replace it behind the same token.
/// </summary>
public readonly record struct Page(int Offset, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static Page From(Visitation.Contracts.Grpc.PageRequest? request)
    {
        var size = request?.PageSize is > 0 and var s ? Math.Min(s, MaxSize) : DefaultSize;
        var token = request?.PageToken;
        if (string.IsNullOrEmpty(token))
        {
            return new Page(0, size);
        }

        var bytes = new byte[token.Length];
        if (Convert.TryFromBase64String(token, bytes, out var length)
            && int.TryParse(System.Text.Encoding.UTF8.GetString(bytes, 0, length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return new Page(offset, size);
        }

        throw GrpcErrors.InvalidArgument([new Google.Rpc.BadRequest.Types.FieldViolation { Field = "page.page_token", Description = "无效的分页标记" }]);
    }

    /// <summary>The next page's token, or empty when <paramref name="fetched"/> shows this was the last.</summary>
    public string NextToken(int fetched) =>
        fetched < Size ? string.Empty : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes((Offset + Size).ToString(CultureInfo.InvariantCulture)));
}
