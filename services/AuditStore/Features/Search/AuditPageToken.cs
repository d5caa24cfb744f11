using System.Globalization;
using System.Text;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.AuditStore.Features.Search;

/// <summary>
/// Keyset paging, newest first: the token is the last row's (time, id), so rows arriving while an
/// administrator pages do not shift the pages already read. Opaque to the caller.
/// </summary>
public readonly record struct AuditPageToken(DateTimeOffset RecordedAt, long Id)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{RecordedAt.UtcTicks}:{Id}")));

    /// <summary>The token's position; null for the first page, or after adding a violation for a token this store did not give.</summary>
    public static AuditPageToken? Decode(string? token, FieldViolations violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var bytes = new byte[token.Length];
        if (token.Length <= 64 && Convert.TryFromBase64String(token, bytes, out var length)
            && Encoding.UTF8.GetString(bytes, 0, length).Split(':') is [var ticks, var id]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            && utcTicks <= DateTimeOffset.MaxValue.UtcTicks
            && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var rowId))
        {
            return new AuditPageToken(new DateTimeOffset(utcTicks, TimeSpan.Zero), rowId);
        }

        violations.Add("page.page_token", "无效的分页标记");
        return null;
    }

    /// <summary>The page size asked for: 0 or less means the default, more than the maximum the maximum.</summary>
    public static int SizeOf(int pageSize) => pageSize > 0 ? Math.Min(pageSize, Page.MaxSize) : Page.DefaultSize;
}
