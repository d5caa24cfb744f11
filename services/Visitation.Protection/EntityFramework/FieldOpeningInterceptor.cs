using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Visitation.Protection.EntityFramework;

/// <summary>
/// The EF Core side of field protection, on load: opens each protected shadow column into the
/// entity's clear property, with the row's identity as associated data. A value still in clear from
/// before encryption is read as it is, until the sweep (<see cref="FieldProtectionSweep"/>) seals it.
/// </summary>
/// <remarks>
/// EF Core builds an internal service provider per distinct materialization interceptor, so there is
/// one instance for the process; it takes the key ring from the context's own
/// <see cref="FieldProtectionInterceptor"/>.
/// </remarks>
public sealed class FieldOpeningInterceptor : IMaterializationInterceptor
{
    public static FieldOpeningInterceptor Instance { get; } = new();

    private FieldOpeningInterceptor()
    {
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        var fields = ProtectedField.Of(materializationData.EntityType);
        if (fields.Count == 0)
        {
            return entity;
        }

        var protector = ProtectorOf(materializationData.Context);
        var key = materializationData.EntityType.FindPrimaryKey()!.Properties.Select(materializationData.GetPropertyValue).ToList();
        foreach (var field in fields)
        {
            var stored = materializationData.GetPropertyValue<string>(field.Sealed);
            var place = field.PlaceOf(key);
            field.Clear.SetValue(entity, stored is null ? string.Empty : FieldProtector.IsSealed(stored) ? protector.Open(stored, place) : stored);
        }

        return entity;
    }

    private static FieldProtector ProtectorOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<FieldProtectionInterceptor>().FirstOrDefault()?.Protector
        ?? throw new InvalidOperationException($"{context.GetType().Name} has protected fields but no {nameof(FieldProtectionInterceptor)}: register it with AddFieldProtection.");
}
