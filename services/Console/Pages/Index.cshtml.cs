using Microsoft.AspNetCore.Mvc.RazorPages;
using Visitation.Console.Menus;

namespace Visitation.Console.Pages;

/// <summary>The front page: the person's menu, or the way to sign in.</summary>
public sealed class IndexModel(MenuItems menu) : PageModel
{
    public IReadOnlyList<MenuItem> Items { get; private set; } = [];

    public void OnGet() => Items = menu.For(User);
}
