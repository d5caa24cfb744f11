using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Visitation.Protection.EntityFramework;

/// <summary>
/// Marks a string property as protected at rest. The entity keeps the value in clear in memory; EF
/// ignores that property and maps a shadow property to the column instead (same column name as
/// before, so a table written in clear keeps its column), which <see cref="FieldProtectionInterceptor"/>
/// fills with the sealed value on save and opens on load. With a blind-index purpose, a second shadow
/// column <c>{column}_index</c> holds the value's keyed hash for equality lookups
/// (query it with <c>EF.Property(<see cref="ProtectedQueries.BlindIndexOf"/>)lt;string(<see cref="ProtectedQueries.BlindIndexOf"/>)gt;(row, ProtectedFieldMapping.IndexPropertyName("IdNumber")) == protector.BlindIndex(id, purpose)</c>).
/// </summary>
public static class ProtectedFieldMapping
{
    internal const string ClearPropertyAnnotation = "Visitation:Protection:ClearProperty";
    internal const string IndexPurposeAnnotation = "Visitation:Protection:IndexPurpose";
    internal const string IndexPropertyAnnotation = "Visitation:Protection:IndexProperty";

    public static EntityTypeBuilder<TEntity> ProtectField<TEntity>(this EntityTypeBuilder<TEntity> entity, Expression<Func<TEntity, string>> property, string? blindIndexPurpose = null)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        Protect(entity.Metadata, MemberOf(property), blindIndexPurpose, entity.Ignore, name => entity.Property<string>(name), name => entity.HasIndex(name));
        return entity;
    }

    public static OwnedNavigationBuilder<TOwner, TEntity> ProtectField<TOwner, TEntity>(this OwnedNavigationBuilder<TOwner, TEntity> entity, Expression<Func<TEntity, string>> property, string? blindIndexPurpose = null)
        where TOwner : class where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(entity);
        Protect(entity.OwnedEntityType, MemberOf(property), blindIndexPurpose, name => entity.Ignore(name), name => entity.Property<string>(name), name => entity.HasIndex(name));
        return entity;
    }

    /// <summary>The shadow property holding the sealed value of <paramref name="clearProperty"/>.</summary>
    public static string SealedPropertyName(string clearProperty) => clearProperty + "Sealed";

    /// <summary>The shadow property holding the blind index of <paramref name="clearProperty"/>.</summary>
    public static string IndexPropertyName(string clearProperty) => clearProperty + "Index";

    private static void Protect(
        IMutableEntityType entityType, PropertyInfo clear, string? purpose,
        Func<string, object> ignore, Func<string, PropertyBuilder<string>> property, Func<string, object> index)
    {
        if (clear.PropertyType != typeof(string) || clear.SetMethod is null)
        {
            throw new InvalidOperationException($"{entityType.DisplayName()}.{clear.Name}: only a settable string property can be protected.");
        }

        ignore(clear.Name);
        var column = SnakeCase(clear.Name);
        var sealedProperty = property(SealedPropertyName(clear.Name)).HasColumnName(column).IsRequired();
        sealedProperty.Metadata.SetAnnotation(ClearPropertyAnnotation, clear.Name);
        if (purpose is not null)
        {
            var indexName = IndexPropertyName(clear.Name);
            // Nullable: a row written in clear before encryption has no index until the sweep seals it.
            property(indexName).HasColumnName(column + "_index").HasMaxLength(64);
            index(indexName);
            sealedProperty.Metadata.SetAnnotation(IndexPurposeAnnotation, purpose);
            sealedProperty.Metadata.SetAnnotation(IndexPropertyAnnotation, indexName);
        }
    }

    private static PropertyInfo MemberOf<TEntity>(Expression<Func<TEntity, string>> property) =>
        property.Body is MemberExpression { Member: PropertyInfo info }
            ? info
            : throw new ArgumentException("Name a property of the entity, e.g. v => v.Phone.", nameof(property));

    // The same names the snake_case convention gives (IdNumber -> id_number), so the column a property
    // had in clear is the one its sealed value takes.
    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
