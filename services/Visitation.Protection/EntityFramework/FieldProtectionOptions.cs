using Microsoft.EntityFrameworkCore;

namespace Visitation.Protection.EntityFramework;

public static class FieldProtectionOptions
{
    /// <summary>Seals protected fields on save and opens them on load, with this protector's key ring.</summary>
    public static TBuilder AddFieldProtection<TBuilder>(this TBuilder options, FieldProtectionInterceptor sealing) where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddInterceptors(sealing, FieldOpeningInterceptor.Instance);
        return options;
    }
}
