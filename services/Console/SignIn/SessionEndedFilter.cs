using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Visitation.Console.SignIn;

/// <summary>A page whose call found the session ended sends the person to sign in again, then back to the page.</summary>
public sealed class SessionEndedFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is SessionEndedException)
        {
            executed.ExceptionHandled = true;
            var request = context.HttpContext.Request;
            executed.Result = new ChallengeResult(new AuthenticationProperties { RedirectUri = request.PathBase + request.Path + request.QueryString });
        }
    }
}
