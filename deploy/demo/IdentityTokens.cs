using System.Net.Http.Json;
using System.Text.Json;

namespace Visitation.Demo;

/// <summary>
/// Gets the demo's access tokens from the identity service by client credentials, as a machine client
/// of each role and organisation it plays; the secrets come from the run folder's seed file that
/// deploy/run.sh wrote (DEMO_IDENTITY_SEED), never from the repository.
/// </summary>
internal sealed class IdentityTokens(Uri identity, string seedFile) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = identity };
    private readonly JsonElement _clients = JsonDocument.Parse(File.ReadAllText(seedFile)).RootElement.GetProperty("machineClients");

    /// <summary>A token for the machine client acting as <paramref name="role"/> of <paramref name="organisation"/>, for one service's scope.</summary>
    public async Task<string> ForAsync(string role, string organisation, string scope)
    {
        var client = _clients.EnumerateArray().FirstOrDefault(c => c.GetProperty("role").GetString() == role && c.GetProperty("organisation").GetString() == organisation);
        if (client.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{seedFile} has no machine client for {role} of {organisation}.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.GetProperty("clientId").GetString()!,
            ["client_secret"] = client.GetProperty("secret").GetString()!,
            ["scope"] = scope,
        });
        using var response = await _http.PostAsync(new Uri("connect/token", UriKind.Relative), form);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The identity service refused {role} of {organisation}: {reply}");
        }

        return reply.GetProperty("access_token").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}
