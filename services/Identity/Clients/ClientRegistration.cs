using System.Text.Json;
using OpenIddict.Abstractions;
using Visitation.Identity.Accounts;
using Visitation.ServiceDefaults.Auth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Visitation.Identity.Clients;

/// <summary>
/// The clients the server knows: the web console (public, authorization code with PKCE) and machine
/// clients (confidential, client credentials), each machine client acting in one role for one organisation.
/// </summary>
public sealed class ClientRegistration(IOpenIddictApplicationManager applications, KnownOrganisations organisations)
{
    public const string ConsoleClientId = "console";
    public const string RoleProperty = "role";
    public const string OrganisationProperty = "org";

    /// <summary>Creates the console client, or brings its redirect addresses in line with the settings.</summary>
    public async Task RegisterConsoleAsync(IEnumerable<string> redirectUris, IEnumerable<string> postLogoutRedirectUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ConsoleClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "会见管理控制台",
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation, Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
            },
        };
        AddServiceScopes(descriptor);
        descriptor.RedirectUris.UnionWith(redirectUris.Select(uri => new Uri(uri)));
        descriptor.PostLogoutRedirectUris.UnionWith(postLogoutRedirectUris.Select(uri => new Uri(uri)));
        if (await applications.FindByClientIdAsync(ConsoleClientId) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor);
            return;
        }

        await applications.CreateAsync(descriptor);
    }

    /// <summary>Registers a machine client unless its id is taken; returns whether it was created.</summary>
    public async Task<bool> RegisterMachineAsync(string clientId, string secret, string role, string organisationId)
    {
        if (!Roles.All.Contains(role, StringComparer.Ordinal) || !organisations.Contains(organisationId))
        {
            throw new ArgumentException($"Machine client '{clientId}': role '{role}' or organisation '{organisationId}' is unknown.");
        }

        if (await applications.FindByClientIdAsync(clientId) is not null)
        {
            return false;
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = $"{role}@{organisationId}",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            Properties =
            {
                [RoleProperty] = JsonSerializer.SerializeToElement(role),
                [OrganisationProperty] = JsonSerializer.SerializeToElement(organisationId),
            },
        };
        AddServiceScopes(descriptor);
        await applications.CreateAsync(descriptor);
        return true;
    }

    private static void AddServiceScopes(OpenIddictApplicationDescriptor descriptor) =>
        descriptor.Permissions.UnionWith(ServiceScopes.Audiences.Keys.Select(scope => Permissions.Prefixes.Scope + scope));
}
