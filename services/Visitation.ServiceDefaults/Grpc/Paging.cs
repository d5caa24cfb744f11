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

    /// <summary>The page a request asks for: a size of 0 or less means the default, an empty token the first page.</summary>
    public static Page From(int pageSize, string? token)
    {
        var size = pageSize > 0 ? Math.Min(pageSize, MaxSize) : DefaultSize;
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
