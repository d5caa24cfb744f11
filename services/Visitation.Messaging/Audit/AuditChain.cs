namespace Visitation.Messaging.Audit;

/// <summary>
/// The two hash chains of a service's audit, one per retention period: reads of personal data are
/// kept three years (PIPL arts. 55–56), everything else at least 180 days (the Cybersecurity Law's
/// log retention). Each chain is purged from its own oldest end, so neither retention holds the
/// other's rows and each stays verifiable.
/// </summary>
public enum AuditChain
{
    Changes,
    Reads,
}

public static class AuditChains
{
    public static IReadOnlyList<AuditChain> All { get; } = [AuditChain.Changes, AuditChain.Reads];

    /// <summary>The chain's name as the <c>chain</c> column holds it.</summary>
    public static string Name(this AuditChain chain) => chain switch
    {
        AuditChain.Changes => "changes",
        AuditChain.Reads => "reads",
        _ => throw new ArgumentOutOfRangeException(nameof(chain), chain, null),
    };

    /// <summary>The shortest time a row of the chain must be kept; a purge refuses anything shorter.</summary>
    public static TimeSpan MinimumRetention(this AuditChain chain) => chain switch
    {
        AuditChain.Changes => TimeSpan.FromDays(180),
        AuditChain.Reads => TimeSpan.FromDays(3 * 365 + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(chain), chain, null),
    };
}
