using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Visitation.Console.SignIn;

/// <summary>
/// One refresh per refresh token: requests of one session arriving together (a double click, a page
/// and its second tab) share the first one's answer instead of each redeeming the same refresh token —
/// the identity service rotates it, and redeeming it twice at once is a race its token store loses.
/// Within one console instance; behind a load balancer, sticky sessions keep a session's requests together.
/// </summary>
public sealed class RefreshGate(IMemoryCache cache)
{
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(2);

    public Task<RefreshedTokens?> RefreshOnceAsync(string refreshToken, Func<Task<RefreshedTokens?>> refresh)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        // Keyed by a hash: the cache never holds the token itself.
        var key = "refresh:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        var shared = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Kept;
            return new Lazy<Task<RefreshedTokens?>>(refresh);
        })!;
        var answer = shared.Value;
        // A failure (the identity service down) is not shared beyond the requests already waiting: the next one tries again.
        _ = answer.ContinueWith(_ => cache.Remove(key), CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
        return answer;
    }
}

/// <summary>What the token endpoint answered: the new access token, until when, and the rotated refresh token.</summary>
public sealed record RefreshedTokens(string AccessToken, DateTimeOffset ExpiresAt, string? RefreshToken);
