using System.Security.Claims;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Console.Menus;

/// <summary>The menu a person sees: only the pages of their role (the services check every call again).</summary>
public sealed class MenuItems
{
    private static readonly MenuItem[] All =
    [
        new("资格核验", "/Eligibility", [Roles.Clerk, Roles.Reviewer]),
        new("受理申请", "/Applications/New", [Roles.Clerk]),
        new("本所申请", "/Applications", [Roles.Clerk]),
    ];

    public IReadOnlyList<MenuItem> For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return [.. All.Where(item => item.Roles.Any(user.IsInRole))];
    }
}

public sealed record MenuItem(string Title, string Path, IReadOnlyList<string> Roles);
