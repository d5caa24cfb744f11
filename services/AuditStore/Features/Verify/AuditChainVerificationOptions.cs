using System.ComponentModel.DataAnnotations;
using Visitation.Messaging;

namespace Visitation.AuditStore.Features.Verify;

/// <summary>Settings of the store's periodic chain verification (section <c>AuditVerification</c>; its interval is <c>PeriodicWork:AuditChainVerification:Interval</c>, a minute).</summary>
public sealed class AuditChainVerificationOptions
{
    public const string Section = "AuditVerification";

    /// <summary>Rows recomputed per chain and round, for new rows and again for the sweep over old ones.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// How long a row that does not link to the row before it may wait for a missing row before the
    /// chain is reported broken: rows of a chain may arrive out of order (parallel consumers, a
    /// redelivery), and the row in between may simply not be here yet.
    /// </summary>
    [PositiveDuration]
    public TimeSpan PendingGrace { get; set; } = TimeSpan.FromMinutes(15);
}
