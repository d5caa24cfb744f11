using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Admin.Accounts;

/// <summary>
/// A system administrator creates an account in their subtree. The identity service makes the one-time
/// password and returns it once: this page shows it in the answer to the submit and keeps it nowhere
/// (no redirect carrying it, no cache), so it is seen once. The person enrols an authenticator at the first sign-in.
/// </summary>
public sealed class NewModel(ServiceClients services, ReferenceDataSet reference) : ConsolePage
{
    [BindProperty]
    public NewAccountForm Form { get; set; } = new();

    public IReadOnlyList<(string Id, string Name)> Organisations { get; private set; } = [];

    /// <summary>The created account and its one-time password, on the submit's answer only.</summary>
    public CreateAccountReply? Created { get; private set; }

    public ReferenceDataSet Reference => reference;

    public void OnGet() => Organisations = Subtree.Of(reference, Organisation);

    public async Task<IActionResult> OnPostAsync()
    {
        Organisations = Subtree.Of(reference, Organisation);
        try
        {
            var admin = await services.IdentityAdminAsync();
            Created = await admin.CreateAccountAsync(
                new CreateAccountRequest { UserName = Form.UserName ?? string.Empty, Role = Form.Role, OrganisationId = Form.OrganisationId ?? string.Empty },
                cancellationToken: HttpContext.RequestAborted);
            // The password is on this answer alone: neither the browser's cache nor the back button may show it again.
            Response.Headers.CacheControl = "no-store";
            Response.Headers.Pragma = "no-cache";
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(Form), FieldLabels.Account);
        }

        return Page();
    }
}

public sealed class NewAccountForm
{
    public string? UserName { get; set; }

    public StaffRole Role { get; set; }

    public string? OrganisationId { get; set; }
}
