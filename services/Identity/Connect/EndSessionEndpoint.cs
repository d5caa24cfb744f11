using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Server.AspNetCore;
using Visitation.Identity.Accounts;
using Visitation.Identity.Data;
using Visitation.Workflow.Audit;

namespace Visitation.Identity.Connect;

/// <summary><c>/connect/endsession</c>: signs out of the identity service and revokes every refresh token of the person.</summary>
internal static class EndSessionEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AccountAdministration accounts, IdentityDb db)
    {
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (session.Succeeded && await users.GetUserAsync(session.Principal) is { } user)
        {
            // Commits with the renewed security stamp that ends the sessions.
            db.Audit(user.AsAuditActor(), AuditEvent.SignedOut, user.Audited(), outcome: "signed_out");
            await accounts.EndSessionsAsync(user);
        }

        await signIn.SignOutAsync();
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/login" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
