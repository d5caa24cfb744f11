using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// Machine clients the run seeds into the identity service (client credentials), for a test that must
/// move a record along with another role's call when that role's pages are not what it tests — e.g. the
/// county rejecting an application while its clerk is about to withdraw it. The token is the identity
/// service's own, for the role and organisation the client was registered with.
/// </summary>
internal sealed class MachineClients
{
    private static readonly (string Role, string Organisation)[] Places = [("reviewer", Orgs.Bureau)];

    public MachineClients() =>
        Seeded = [.. Places.Select(p => new SeededClient($"bt-machine-{p.Role}-{p.Organisation}", Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), p.Role, p.Organisation))];

    /// <summary>As the identity service's seed file lists them (<c>machineClients</c>).</summary>
    public IReadOnlyList<SeededClient> Seeded { get; }

    /// <summary>A call invoker for <paramref name="service"/> carrying a fresh token of the client of <paramref name="role"/> at <paramref name="organisation"/>.</summary>
    public async Task<CallInvoker> CallsAsync(Uri identity, Uri service, string role, string organisation, string scope)
    {
        var client = Seeded.Single(c => c.Role == role && c.Organisation == organisation);
        using var http = new HttpClient { BaseAddress = identity };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret, ["scope"] = scope,
        });
        using var response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenReply>())!.AccessToken;
        var channel = GrpcChannel.ForAddress(service);
        return channel.CreateCallInvoker().Intercept(metadata =>
        {
            metadata.Add("Authorization", "Bearer " + token);
            return metadata;
        });
    }

    private sealed record TokenReply([property: JsonPropertyName("access_token")] string AccessToken);
}

/// <summary>One machine client in the seed file.</summary>
internal sealed record SeededClient(
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("organisation")] string Organisation);
