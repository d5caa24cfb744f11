using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Visitation.Console.Calls;
using Visitation.Console.Menus;
using Visitation.Contracts.Grpc.Application;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Console.Pages;

/// <summary>
/// The front page: the person's menu, or the way to sign in. A clerk whose office has families an SMS
/// could not reach sees how many, linked to the list (docs/family-not-reached.md).
/// </summary>
public sealed class IndexModel(MenuItems menu, ServiceClients services) : PageModel
{
    public IReadOnlyList<MenuItem> Items { get; private set; } = [];

    /// <summary>The office's open "family not reached" entries; null when not a clerk, or the service did not answer.</summary>
    public int? NotReached { get; private set; }

    public async Task OnGetAsync()
    {
        Items = menu.For(User);
        if (User.IsInRole(Roles.Clerk))
        {
            try
            {
                var applications = await services.ApplicationsAsync();
                NotReached = (await applications.CountFamiliesNotReachedAsync(new CountFamiliesNotReachedRequest(), cancellationToken: HttpContext.RequestAborted)).Open;
            }
            catch (RpcException)
            {
                // The count is a reminder, not the page: without it the menu still leads to the list.
            }
        }
    }
}
