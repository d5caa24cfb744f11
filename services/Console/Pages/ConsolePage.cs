using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Visitation.Console.Errors;

namespace Visitation.Console.Pages;

/// <summary>
/// What every console page shares: the refusals to show (the layout's summary reads <see cref="Errors"/>)
/// and the way a page calls a service, so a refused call becomes a sentence on the page, never an error page.
/// </summary>
public abstract class ConsolePage : PageModel
{
    public ServiceErrors Errors { get; } = new();

    /// <summary>The signed-in person's organisation (the token's <c>org</c> claim).</summary>
    protected string Organisation => User.FindFirst("org")?.Value ?? string.Empty;

    /// <summary>Runs <paramref name="call"/>; a refusal is shown as its sentence and answered <see langword="false"/>.</summary>
    protected async Task<bool> TryCallAsync(Func<CancellationToken, Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call(HttpContext.RequestAborted);
            return true;
        }
        catch (RpcException error)
        {
            Errors.Show(error);
            return false;
        }
    }
}
