using System.Security.Cryptography;
using System.Text;

namespace Visitation.Workflow.ReferenceData;

/// <summary>One file of the reference-data folder: its path in the folder and its bytes, read once.</summary>
internal sealed record ContentFile(string Name, byte[] Bytes)
{
    public static ContentFile Read(string folder, string name) => new(name.Replace('\\', '/'), File.ReadAllBytes(Path.Combine(folder, name)));

    /// <summary>Every <c>*.json</c> of a sub-folder, in ordinal order of their names (the order they are applied in).</summary>
    public static IReadOnlyList<ContentFile> ReadAll(string folder, string subfolder) =>
        [.. Directory.GetFiles(Path.Combine(folder, subfolder), "*.json")
            .Select(path => Path.GetRelativePath(folder, path))
            .Order(StringComparer.Ordinal)
            .Select(name => Read(folder, name))];

    /// <summary>
    /// <c>sha256:</c> and the first 16 hex digits of the SHA-256 of the files' names and contents, each
    /// length-prefixed so that no two different sets of files hash the same text. A renamed, added,
    /// removed or edited file changes it; the folder's location does not.
    /// </summary>
    public static string Fingerprint(IEnumerable<ContentFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            var name = Encoding.UTF8.GetBytes(file.Name);
            hash.AppendData(BitConverter.GetBytes(name.LongLength));
            hash.AppendData(name);
            hash.AppendData(BitConverter.GetBytes(file.Bytes.LongLength));
            hash.AppendData(file.Bytes);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
