namespace Visitation.Messaging;

/// <summary>
/// The PostgreSQL advisory lock whose holder dispatches a service's outbox. Any constant works:
/// each service has its own database, so the locks of two services never meet. Operators (and the
/// fault tests) can hold it with <c>pg_advisory_lock</c> to pause dispatching without losing anything.
/// </summary>
public static class OutboxLock
{
    public const long Key = 0x5649_5349_5441_4E;
}
