using Visitation.IntegrationTests.Infrastructure;
using Visitation.PrisonApproval;

namespace Visitation.IntegrationTests.Rest;

/// <summary>
/// The prison-approval service's REST door for one test class, beside the run's in-process instances
/// (same database and broker), trusting an identity service of its own that issues the machine
/// clients' tokens by client credentials, as a prison's own system would get them.
/// </summary>
public sealed class PrisonRestDoor(VisitationSystem system) : IAsyncLifetime
{
    public IdentityServiceHost Identity { get; } = new(system);

    public RestDoorHost<PrisonApprovalGrpcService> Service { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Identity.InitializeAsync();
        Service = new RestDoorHost<PrisonApprovalGrpcService>(system.SettingsOf("prison_approval"), Identity, system.Clock);
    }

    /// <summary>A JSON client of a new machine client of <paramref name="role"/> at <paramref name="organisation"/>, with its token for <paramref name="scope"/>.</summary>
    public async Task<HttpClient> MachineClientAsync(string role, string organisation, string scope = "prison-approval") =>
        Service.Client(await Identity.MachineTokenAsync(role, organisation, scope));

    public async ValueTask DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        await Identity.DisposeAsync();
    }
}
