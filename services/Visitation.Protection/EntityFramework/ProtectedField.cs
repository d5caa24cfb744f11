using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Visitation.Protection.EntityFramework;

/// <summary>One protected property of an entity type, as the model describes it.</summary>
internal sealed record ProtectedField(PropertyInfo Clear, IProperty Sealed, IProperty? Index, string? IndexPurpose)
{
    private static readonly ConcurrentDictionary<IEntityType, IReadOnlyList<ProtectedField>> Cache = new();

    public string Table => Sealed.DeclaringType.ContainingEntityType.GetTableName()!;

    public string Column => Sealed.GetColumnName();

    /// <summary>
    /// The associated data of this field in one row: its table, column and the row's key, so a
    /// sealed value opens only where it was written.
    /// </summary>
    public string PlaceOf(IEnumerable<object?> keyValues) =>
        $"{Table}.{Column}:{string.Join('/', keyValues.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))}";

    public static IReadOnlyList<ProtectedField> Of(IEntityType entityType) => Cache.GetOrAdd(entityType, Find);

    private static IReadOnlyList<ProtectedField> Find(IEntityType entityType) =>
        [.. entityType.GetProperties()
            .Where(p => p.FindAnnotation(ProtectedFieldMapping.ClearPropertyAnnotation) is not null)
            .Select(p => new ProtectedField(
                entityType.ClrType.GetProperty((string)p[ProtectedFieldMapping.ClearPropertyAnnotation]!)!,
                p,
                p[ProtectedFieldMapping.IndexPropertyAnnotation] is string index ? entityType.FindProperty(index) : null,
                p[ProtectedFieldMapping.IndexPurposeAnnotation] as string))];
}
