namespace Visitation.Messaging.Audit;

/// <summary>
/// The advisory lock that orders a service's audit rows: the insert trigger takes it for the rest of
/// the transaction, so the next row's writer waits until this one has committed (or rolled back)
/// and then links to it — the chains follow commit order. Rows are inserted at the commit (see
/// <see cref="AuditCommitInterceptor"/>), after every other statement of the transaction, so the
/// lock is never held while waiting for a row lock: no deadlock with a transaction that holds a row
/// and wants the audit. It is taken before <see cref="OutboxLock.CommitKey"/>, always in that order.
/// </summary>
public static class AuditLock
{
    public const long Key = OutboxLock.Key + 2;
}
