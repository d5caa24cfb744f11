using System.Text.Json;

namespace Visitation.Identity.Seeding;

/// <summary>
/// Accounts and machine clients to create at start if they do not exist (<c>Identity:SeedFile</c>).
/// deploy/run.sh writes one with fresh secrets into the run folder; it never lives in the repository.
/// </summary>
public sealed record SeedFile(IReadOnlyList<SeedAccount>? Accounts, IReadOnlyList<SeedMachineClient>? MachineClients)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SeedFile Read(string path) =>
        JsonSerializer.Deserialize<SeedFile>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty.");
}

/// <summary>An account; with an authenticator key (Base32) it is enrolled for TOTP already; <c>Sites</c>: other organisations it may act for.</summary>
public sealed record SeedAccount(string UserName, string Password, string Role, string Organisation, string? AuthenticatorKey, IReadOnlyList<string>? Sites = null);

public sealed record SeedMachineClient(string ClientId, string Secret, string Role, string Organisation);
