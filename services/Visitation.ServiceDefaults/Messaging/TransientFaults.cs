using System.Net.Sockets;
using Npgsql;

namespace Visitation.ServiceDefaults.Messaging;

/// <summary>
/// Faults that mean "a server is away, try later" (database restarting, connection refused,
/// timeouts) as opposed to faults in the message or the code, which waiting will not cure.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
