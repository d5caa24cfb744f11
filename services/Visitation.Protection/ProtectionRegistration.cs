using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Visitation.Protection.EntityFramework;
using Visitation.Protection.Keys;

namespace Visitation.Protection;

public static class ProtectionRegistration
{
    /// <summary>
    /// Field protection for a service's context: the key ring from the <c>Protection</c> section (or
    /// the key file it names), checked as the service starts; the interceptor that seals and opens the
    /// context's protected fields; the background sweep. Call after the context is registered
    /// (<c>AddServiceDatabase</c>), so the sweep starts after the migrations.
    /// </summary>
    /// <param name="sharedIndexes">
    /// The shared blind-index keys this service computes with (<see cref="ProtectionOptions.SharedIndexes"/>):
    /// without one of them the service would silently compute with its own key and never match the
    /// other service's values, so it refuses to start instead.
    /// </param>
    public static IHostApplicationBuilder AddFieldProtection<TContext>(this IHostApplicationBuilder builder, params string[] sharedIndexes) where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sharedIndexes);
        builder.Services.AddOptions<ProtectionOptions>()
            .Bind(builder.Configuration.GetSection(ProtectionOptions.Section))
            .PostConfigure(options =>
            {
                var resolved = KeyFile.Resolve(options);
                options.CurrentVersion = resolved.CurrentVersion;
                options.Keys = resolved.Keys;
                options.Index = resolved.Index;
                // The file's shared keys join those of the configuration (a deployment may give either).
                foreach (var (name, key) in resolved.SharedIndexes)
                {
                    options.SharedIndexes[name] = key;
                }
            })
            .Validate(options => options.SweepBatchSize > 0 && options.SweepInterval > TimeSpan.Zero, "Protection:SweepBatchSize and SweepInterval must be positive.")
            .Validate(
                options => sharedIndexes.All(options.SharedIndexes.ContainsKey),
                $"Protection:SharedIndexes must hold the shared blind-index key(s) {string.Join(", ", sharedIndexes)} (deploy/protection-keys.sh share).")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProtectionOptions>, KeyRingValidation>();
        builder.Services.AddSingleton(services => KeyRing.From(services.GetRequiredService<IOptions<ProtectionOptions>>().Value));
        builder.Services.AddSingleton<FieldProtector>();
        builder.Services.AddSingleton<FieldProtectionInterceptor>();
        builder.Services.AddSingleton<FieldProtectionSweep>();
        // A singleton, as the service's context options are (AddServiceDatabase): built once, not per scope.
        builder.Services.ConfigureDbContext<TContext>(
            (services, options) => options.AddFieldProtection(services.GetRequiredService<FieldProtectionInterceptor>()),
            ServiceLifetime.Singleton);
        builder.Services.AddHostedService<FieldProtectionSweepService<TContext>>();
        return builder;
    }

    /// <summary>A ring that cannot work (no key, a key of the wrong size) stops the service as it starts, saying why.</summary>
    private sealed class KeyRingValidation : IValidateOptions<ProtectionOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProtectionOptions options)
        {
            try
            {
                KeyRing.From(options);
                return ValidateOptionsResult.Success;
            }
            catch (InvalidOperationException ex)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
