using Microsoft.EntityFrameworkCore;
using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.Protection;

namespace Visitation.PrisonApproval.Features.LegacyData;

/// <summary>
/// Relatives registered before the register was keyed by visitor key kept their full ID number in
/// <c>legacy_id_number</c> (migration MinimumDataInEvents: a migration holds no key). Once the
/// service has started, this computes each such row's visitor key and clears the number, a batch
/// per transaction, so the register holds no full number afterwards. Repeatable; nothing to do on a
/// database created after the migration.
/// </summary>
internal sealed partial class LegacyRelativeKeys(IServiceScopeFactory scopes, FieldProtector protector, ILogger<LegacyRelativeKeys> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrisonApprovalDbContext>();
            var total = 0;
            int keyed;
            while ((keyed = await KeyBatchAsync(db, stoppingToken)) > 0)
            {
                total += keyed;
            }

            if (total > 0)
            {
                LogKeyed(total);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The rows wait for the next start; until then those relatives are not recognised (never wrongly matched).
            LogFailed(ex);
        }
    }

    private async Task<int> KeyBatchAsync(PrisonApprovalDbContext db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.Database
            .SqlQuery<LegacyRow>($"SELECT id, legacy_id_number AS id_number FROM relatives WHERE legacy_id_number IS NOT NULL LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            var key = protector.BlindIndex(row.IdNumber.Trim().ToUpperInvariant(), VisitorDetails.KeyPurpose);
            await db.Database.ExecuteSqlAsync($"UPDATE relatives SET visitor_key = {key}, legacy_id_number = NULL WHERE id = {row.Id}", ct);
        }

        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    private sealed class LegacyRow
    {
        public Guid Id { get; init; }

        public string IdNumber { get; init; } = string.Empty;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Legacy relatives keyed: {Rows} rows now known by visitor key, their numbers cleared")]
    private partial void LogKeyed(int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Keying legacy relatives failed; trying again at the next start")]
    private partial void LogFailed(Exception exception);
}
