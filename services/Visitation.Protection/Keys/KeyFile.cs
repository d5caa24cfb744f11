using System.Text.Json;

namespace Visitation.Protection.Keys;

/// <summary>Reads the key file a <see cref="ProtectionOptions.KeyFile"/> names; its JSON has the section's shape.</summary>
public static class KeyFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The options with the key file's ring in place of the inline one; unchanged when no file is named.</summary>
    public static ProtectionOptions Resolve(ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.KeyFile))
        {
            return options;
        }

        if (!File.Exists(options.KeyFile))
        {
            throw new InvalidOperationException($"Protection:KeyFile names {options.KeyFile}, which does not exist.");
        }

        var file = JsonSerializer.Deserialize<ProtectionOptions>(File.ReadAllText(options.KeyFile), Json)
            ?? throw new InvalidOperationException($"The key file {options.KeyFile} is empty.");
        return new ProtectionOptions
        {
            KeyFile = options.KeyFile,
            CurrentVersion = file.CurrentVersion,
            Keys = file.Keys,
            Index = file.Index,
            SharedIndexes = file.SharedIndexes,
            SweepBatchSize = options.SweepBatchSize,
            SweepInterval = options.SweepInterval,
        };
    }
}
