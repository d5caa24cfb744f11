using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Visitation.Protection.EntityFramework;

/// <summary>
/// The EF Core side of field protection, on save: seals every protected property whose clear value
/// is new or changed into its shadow column (and refreshes its blind index). Loading is
/// <see cref="FieldOpeningInterceptor"/>'s; add both (<see cref="FieldProtectionOptions.AddFieldProtection"/>).
/// </summary>
public sealed class FieldProtectionInterceptor(FieldProtector protector) : ISaveChangesInterceptor
{
    internal FieldProtector Protector => protector;

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SealChanges(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        SealChanges(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void SealChanges(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }

            foreach (var field in ProtectedField.Of(entry.Metadata))
            {
                Seal(entry, field);
            }
        }
    }

    private void Seal(EntityEntry entry, ProtectedField field)
    {
        var clear = (string?)field.Clear.GetValue(entry.Entity) ?? string.Empty;
        var sealedValue = entry.Property(field.Sealed.Name);
        var keyProperties = entry.Metadata.FindPrimaryKey()!.Properties;
        if (keyProperties.Any(p => entry.Property(p.Name).IsTemporary))
        {
            throw new InvalidOperationException(
                $"{entry.Metadata.DisplayName()}: a protected row needs its key before it is saved (its key is the associated data).");
        }

        var place = field.PlaceOf(keyProperties.Select(p => entry.Property(p.Name).CurrentValue));
        var stored = (string?)sealedValue.CurrentValue;
        // Unchanged values keep their ciphertext: re-sealing every loaded row on every save would
        // rewrite rows nobody changed. Moving them to a new key is the sweep's job.
        if (stored is not null && FieldProtector.IsSealed(stored) && protector.Open(stored, place) == clear)
        {
            return;
        }

        // An empty value is stored empty, with no index: there is nothing to hide (a sealed empty
        // value's length would tell anyway), and a blank is what retention leaves (docs/retention.md).
        sealedValue.CurrentValue = clear.Length == 0 ? string.Empty : protector.Seal(clear, place);
        if (field.Index is not null)
        {
            entry.Property(field.Index.Name).CurrentValue = clear.Length == 0 ? null : protector.BlindIndex(clear, field.IndexPurpose!);
        }
    }
}
