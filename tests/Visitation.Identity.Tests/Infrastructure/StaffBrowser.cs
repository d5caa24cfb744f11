using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Visitation.Identity.Tests.Infrastructure;

/// <summary>
/// A person at the web console, step by step: the login page (antiforgery token included), the TOTP
/// page, the authorize request with PKCE, the token endpoint. Each instance has its own cookies.
/// </summary>
public sealed partial class StaffBrowser(HttpClient http) : IDisposable
{
    private readonly HttpClient _http = http;

    public StaffBrowser(IdentityHost identity) : this(identity.Browser())
    {
    }

    /// <summary>The scopes the console asks for.</summary>
    public string Scope { get; init; } = "openid offline_access application";
    public string Verifier { get; } = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public string Challenge => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    /// <summary>Posts the login form; returns the reply (a redirect on success, the page again with a message otherwise).</summary>
    public Task<HttpResponseMessage> SubmitPasswordAsync(StaffAccount account, string? password = null) =>
        PostFormAsync("/account/login", new() { ["UserName"] = account.UserName, ["Password"] = password ?? account.Password, ["ReturnUrl"] = "/" });

    public Task<HttpResponseMessage> SubmitCodeAsync(string code) =>
        PostFormAsync("/account/totp", new() { ["Code"] = code, ["ReturnUrl"] = "/" });

    public Task<HttpResponseMessage> SubmitEnrolmentAsync(string code) =>
        PostFormAsync("/account/enrol", new() { ["Code"] = code, ["ReturnUrl"] = "/" });

    /// <summary>
    /// A first sign-in of an account without an authenticator: password, the authorize request that
    /// sends it to enrolment, the key read off the page, a code from it. Returns the account with its key.
    /// </summary>
    public async Task<StaffAccount> EnrolAsync(StaffAccount account)
    {
        using var password = await SubmitPasswordAsync(account);
        using var sentToEnrol = await AuthorizeAsync();
        var enrolment = await GetStringAsync(sentToEnrol.Headers.Location!.OriginalString);
        var enrolled = account with { AuthenticatorKey = EnrolmentKey().Match(enrolment).Groups[1].Value };
        using var confirmed = await SubmitEnrolmentAsync(enrolled.CurrentCode());
        Assert.Equal("/", confirmed.Headers.Location?.OriginalString);
        return enrolled;
    }

    /// <summary>Password then the current TOTP code.</summary>
    public async Task SignInAsync(StaffAccount account)
    {
        using var password = await SubmitPasswordAsync(account);
        Assert.Equal("/account/totp?ReturnUrl=%2F", password.Headers.Location?.OriginalString);
        using var code = await SubmitCodeAsync(account.CurrentCode());
        Assert.Equal("/", code.Headers.Location?.OriginalString);
    }

    /// <summary>The authorize request of the console, with an S256 challenge unless the test overrides the PKCE parameters.</summary>
    public async Task<HttpResponseMessage> AuthorizeAsync(Dictionary<string, string>? pkce = null)
    {
        var query = new Dictionary<string, string>
        {
            ["client_id"] = "console",
            ["response_type"] = "code",
            ["redirect_uri"] = IdentityHost.ConsoleRedirect,
            ["scope"] = Scope,
        };
        foreach (var (key, value) in pkce ?? new() { ["code_challenge"] = Challenge, ["code_challenge_method"] = "S256" })
        {
            query[key] = value;
        }

        var uri = "/connect/authorize?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        return await _http.GetAsync(new Uri(uri, UriKind.Relative));
    }

    /// <summary>Signs in and exchanges the code: the token reply (access_token, refresh_token, ...).</summary>
    public async Task<JsonElement> SignInForTokensAsync(StaffAccount account)
    {
        await SignInAsync(account);
        using var authorized = await AuthorizeAsync();
        var code = CodeIn(authorized) ?? throw new InvalidOperationException($"No code: {authorized.StatusCode} {authorized.Headers.Location}");
        var (status, reply) = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = IdentityHost.ConsoleRedirect,
            ["client_id"] = "console", ["code_verifier"] = Verifier,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return reply;
    }

    public Task<(HttpStatusCode Status, JsonElement Reply)> RefreshAsync(string refreshToken) =>
        TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = "console" });

    public async Task<(HttpStatusCode Status, JsonElement Reply)> TokenAsync(Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public async Task SignOutAsync()
    {
        using var response = await _http.GetAsync(new Uri("/connect/endsession", UriKind.Relative));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"sign-out answered {response.StatusCode}");
    }

    public Task<string> GetStringAsync(string path) => _http.GetStringAsync(new Uri(path, UriKind.Relative));

    /// <summary>The code in a redirect to the console, or null when the reply sent the browser anywhere else.</summary>
    public static string? CodeIn(HttpResponseMessage response) =>
        response.Headers.Location is { } location && location.OriginalString.StartsWith(IdentityHost.ConsoleRedirect + "?", StringComparison.Ordinal)
            ? CodeParameter().Match(location.Query) is { Success: true } match ? Uri.UnescapeDataString(match.Groups[1].Value) : null
            : null;

    private async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields)
    {
        var page = await _http.GetStringAsync(new Uri(path + "?ReturnUrl=%2F", UriKind.Relative));
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields);
        return await _http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodeParameter();

    [GeneratedRegex("<code>([A-Z2-7]+)</code>")]
    private static partial Regex EnrolmentKey();
}
