using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Visitation.Messaging.Database;

public static class JsonColumnExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Stores an immutable snapshot (e.g. the application facts an event carried) as jsonb.
    /// Snapshots are replaced, never mutated, so reference comparison is enough for change tracking.
    /// </summary>
    public static PropertyBuilder<T> HasJsonColumn<T>(this PropertyBuilder<T> property) where T : class =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                value => JsonSerializer.Serialize(value, Json),
                json => JsonSerializer.Deserialize<T>(json, Json)!,
                new ValueComparer<T>((a, b) => ReferenceEquals(a, b), v => v.GetHashCode(), v => v));
}
