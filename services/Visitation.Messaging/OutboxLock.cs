namespace Visitation.Messaging;

/// <summary>
/// The PostgreSQL advisory lock whose holder dispatches a service's outbox. Any constant works:
/// each service has its own database, so the locks of two services never meet. Operators (and the
/// fault tests) can hold it with <c>pg_advisory_lock</c> to pause dispatching without losing anything.
/// </summary>
public static class OutboxLock
{
    public const long Key = 0x5649_5349_5441_4E;

    /// <summary>
    /// Held by a transaction from just before its commit until the commit is visible, while it gives
    /// its outbox rows their ids, so that ids follow commit order (see <c>OutboxCommitInterceptor</c>).
    /// </summary>
    public const long CommitKey = Key + 1;
}
