using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// Machine clients seeded beside the accounts, for a test that prepares what an earlier role did
/// (a filed, bureau-approved application) over gRPC instead of in another role's pages: they take
/// tokens from the same identity service by client credentials (docs/identity.md), as a prison's
/// register import or the demo does, so the services check them exactly as any other caller.
/// </summary>
internal sealed class MachineClients : IDisposable
{
    private readonly List<SeedMachineClient> _clients =
    [
        new("bt-machine-clerk", Secret(), "clerk", Orgs.Office),
        new("bt-machine-reviewer", Secret(), "reviewer", Orgs.Bureau),
        new("bt-machine-officer", Secret(), "officer", Orgs.Prison),
    ];

    private readonly List<GrpcChannel> _channels = [];

    /// <summary>The seed file's <c>machineClients</c> (format: services/Identity/Seeding/SeedFile.cs).</summary>
    public IReadOnlyList<SeedMachineClient> Seed => _clients;

    /// <summary>A call invoker for <paramref name="project"/>'s service as the machine client of <paramref name="role"/> at <paramref name="organisation"/>.</summary>
    public async Task<CallInvoker> AsAsync(ConsoleSystem system, string project, string scope, string role, string organisation)
    {
        var client = _clients.Single(c => c.Role == role && c.Organisation == organisation);
        using var http = new HttpClient { BaseAddress = system.IdentityAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.Secret,
            ["scope"] = scope,
        });
        using var response = await http.PostAsync(new Uri("connect/token", UriKind.Relative), form);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"the identity service refused {client.ClientId} the scope {scope}: {reply}");
        var token = reply.GetProperty("access_token").GetString();
        var channel = GrpcChannel.ForAddress(system.ServiceAddresses[project]);
        lock (_channels)
        {
            _channels.Add(channel);
        }

        return channel.Intercept(metadata =>
        {
            metadata.Add("Authorization", "Bearer " + token);
            return metadata;
        });
    }

    public void Dispose()
    {
        lock (_channels)
        {
            _channels.ForEach(c => c.Dispose());
        }
    }

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
}

internal sealed record SeedMachineClient(string ClientId, string Secret, string Role, string Organisation);
