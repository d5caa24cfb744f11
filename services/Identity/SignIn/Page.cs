using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;

namespace Visitation.Identity.SignIn;

/// <summary>The sign-in pages' one layout: a zh-CN form with its antiforgery token and the address to return to.</summary>
internal static class Page
{
    public static IResult Form(HttpContext http, string title, string action, string returnUrl, string? message, string fields, string? before = null)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{Encode(title)} - 远程视频会见</title></head>
            <body>
            <h1>{Encode(title)}</h1>
            {(message is null ? string.Empty : $"<p role=\"alert\">{Encode(message)}</p>")}
            {before}
            <form method="post" action="{Encode(action)}">
            <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken!)}">
            <input type="hidden" name="ReturnUrl" value="{Encode(returnUrl)}">
            {fields}
            <button type="submit">确定</button>
            </form>
            </body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    // The default encoder escapes every non-Latin character; the pages are Chinese.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Html.Encode(text);

    /// <summary>Only an address on this server: a sign-in page must not send anyone elsewhere.</summary>
    public static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
