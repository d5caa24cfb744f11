using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Visitation.Messaging;

namespace Visitation.Identity.Accounts;

/// <summary>
/// Deletes tokens and authorizations that can no longer be used (revoked, redeemed or expired) once
/// older than the session limit, so the store holds live sessions, not history. Tokens first, then
/// the authorizations they belonged to, as OpenIddict asks. Repeatable: a missed turn loses nothing.
/// </summary>
internal sealed class PruneEndedSessions(
    IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, IOptions<IdentityServiceOptions> options, TimeProvider clock) : IPeriodicWork
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var threshold = clock.GetUtcNow() - options.Value.SessionLimit;
        await tokens.PruneAsync(threshold, cancellationToken);
        await authorizations.PruneAsync(threshold, cancellationToken);
    }
}
