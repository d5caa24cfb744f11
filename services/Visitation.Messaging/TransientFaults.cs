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

    /// <summary>
    /// An earlier event has not arrived yet: worth coming back for more often than a plain fault. Said
    /// by a handler that looked (<see cref="PrerequisiteMissingException"/>), or by the database when a
    /// row a consumer saved refers to one that is not there (a foreign key refused it), which in a
    /// service fed by events means the event that brings it is still on its way.
    /// </summary>
    public static bool IsPrerequisiteMissing(Exception exception) =>
        Chain(exception).Any(e => e is PrerequisiteMissingException or PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation });

    /// <summary>A server is away: nothing can be stored now, not even a redelivery for later.</summary>
    public static bool IsServerAway(Exception exception) =>
        Chain(exception).Any(e => e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException || IsNoPrimaryYet(e));

    /// <summary>
    /// A multi-host connection string (<c>Host=a:p1,b:p2;Target Session Attributes=primary</c>) during a
    /// failover: the old primary is marked offline and the standby, seen before its promotion, is still
    /// remembered as a standby (for <c>Host Recheck Seconds</c>), so Npgsql tries no host at all and says
    /// so with a plain exception it does not mark transient. Waiting cures it: the standby is promoted
    /// and asked again. (When it did try hosts, its exception holds theirs and is judged by them.)
    /// </summary>
    private static bool IsNoPrimaryYet(Exception exception) =>
        exception.GetType() == typeof(NpgsqlException) && exception.InnerException is null
        && exception.Message.StartsWith("No suitable host", StringComparison.Ordinal);

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
