using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Visitation.Deployment.Tests.Hosts;

/// <summary>
/// A configuration source that holds nothing and writes down every key a host asks for: a binder asks
/// for each property of an options class, present or not, and for each entry present under a dictionary
/// or list it binds; a direct read asks for its key. What the host's code reads, from the code itself.
/// </summary>
internal sealed class ReadKeys : IConfigurationSource, IConfigurationProvider
{
    /// <summary>The one a host being built now joins to its configuration (<see cref="ReadKeysStartup"/>); hosts are built one at a time.</summary>
    public static ReadKeys? Current { get; set; }

    private readonly HashSet<string> keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Whether the host asked for this key.</summary>
    public bool Read(string key)
    {
        lock (gate)
        {
            return keys.Contains(key);
        }
    }

    public bool TryGet(string key, out string? value)
    {
        lock (gate)
        {
            keys.Add(key);
        }

        value = null;
        return false;
    }

    public IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath) => earlierKeys;

    public void Set(string key, string? value)
    {
    }

    public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);

    public void Load()
    {
    }
}
