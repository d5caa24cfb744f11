using System.Net.Sockets;
using Npgsql;

namespace Visitation.Messaging;

/// <summary>
/// Faults that mean "a server is away, try later" (database restarting, connection refused,
/// timeouts) as opposed to faults in the message or the code, which waiting will not cure.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception exception) => IsServerAway(exception);

    /// <summary>An earlier event has not arrived yet: worth coming back for more often than a plain fault.</summary>
    public static bool IsPrerequisiteMissing(Exception exception) => Chain(exception).Any(e => e is PrerequisiteMissingException);

    /// <summary>A server is away: nothing can be stored now, not even a redelivery for later.</summary>
    public static bool IsServerAway(Exception exception) =>
        Chain(exception).Any(e => e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
