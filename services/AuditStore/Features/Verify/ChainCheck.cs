using Visitation.Messaging.Audit;

namespace Visitation.AuditStore.Features.Verify;

/// <summary>
/// How far the store has verified one service's chain (table <c>audit_chain_checks</c>): the last row
/// of the verified run and its hash, where the sweep over that run has come to, and the row at which
/// the chain broke, if it did. Read with the context's snake_case names (verified_seq …).
/// </summary>
public sealed record ChainCheck
{
    public required string Service { get; init; }
    public required string Chain { get; init; }
    public required long VerifiedSeq { get; init; }
    public required string VerifiedHash { get; init; }
    public required long SweptSeq { get; init; }
    public required string SweptHash { get; init; }
    public long? BrokenSeq { get; init; }
    public string? BrokenReason { get; init; }

    /// <summary>A chain not seen before: nothing verified, both runs from the genesis hash.</summary>
    public static ChainCheck Start(ChainKey chain) => new()
    {
        Service = chain.Service,
        Chain = chain.Chain,
        VerifiedSeq = 0,
        VerifiedHash = AuditHash.Genesis,
        SweptSeq = 0,
        SweptHash = AuditHash.Genesis,
    };
}

/// <summary>One (service, chain) of the store's rows.</summary>
public sealed record ChainKey
{
    public required string Service { get; init; }
    public required string Chain { get; init; }
}
