using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Visitation.Identity.Accounts;
using Visitation.Identity.Data;
using Visitation.Workflow.Audit;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Visitation.Identity.Connect;

/// <summary>
/// Every refused refresh writes one <see cref="AuditEvent.RefreshRefused"/> row, whoever refused it:
/// the token endpoint (<see cref="TokenEndpoint"/>: stamp changed, disabled, locked, idle, unused) or
/// OpenIddict before the endpoint runs (a token revoked by sign-out, role change, disable or reset;
/// expired; an old token replayed). Both answer <c>invalid_grant</c>, so the row is written here, as
/// the token response goes out, for the account the token was issued to. OpenIddict's own rejection
/// ends its validation early, so <see cref="RememberRefreshSubject"/> notes the token's subject first.
/// The row names the account by its id; nothing of the token is kept.
/// </summary>
public sealed class RefreshRefusalAudit(UserManager<StaffUser> users, IdentityDb db) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    /// <summary>The transaction property holding the subject of the refresh token presented.</summary>
    public const string SubjectProperty = ".visitation_refresh_subject";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
        .UseScopedHandler<RefreshRefusalAudit>()
        .SetOrder(int.MinValue + 100_000)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request?.IsRefreshTokenGrantType() != true || context.Response.Error != Errors.InvalidGrant
            || !context.Transaction.Properties.TryGetValue(SubjectProperty, out var subject) || subject is not string accountId
            || await users.FindByIdAsync(accountId) is not { } user)
        {
            return; // not a refresh, not refused, or no account to name (a token nobody could read, an account deleted)
        }

        db.Audit(user.AsAuditActor(), AuditEvent.RefreshRefused, user.Audited(), outcome: "refused");
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>
/// Notes the subject of a refresh token once OpenIddict has read it and before it checks its lifetime
/// and its entry (revoked, redeemed): a rejection there stops the validation, and the refusal's audit
/// (<see cref="RefreshRefusalAudit"/>) needs to know whose token it was.
/// </summary>
public sealed class RememberRefreshSubject : IOpenIddictServerHandler<ValidateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } = OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseSingletonHandler<RememberRefreshSubject>()
        .SetOrder(OpenIddictServerHandlers.Protection.ValidatePrincipal.Descriptor.Order + 500)
        .SetType(OpenIddictServerHandlerType.Custom)
        .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request?.IsRefreshTokenGrantType() == true && context.ValidTokenTypes.Contains(TokenTypeIdentifiers.RefreshToken)
            && context.Principal?.GetClaim(Claims.Subject) is { } subject)
        {
            context.Transaction.Properties[RefreshRefusalAudit.SubjectProperty] = subject;
        }

        return default;
    }
}
