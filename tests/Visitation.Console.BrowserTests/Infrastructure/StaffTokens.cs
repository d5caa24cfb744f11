using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Playwright;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// A person's own access token, for a test that prepares over gRPC what another role's pages show.
/// Got the way the console gets it: the identity service's authorization endpoint (code + PKCE, the
/// console's public client and redirect address) with the account's password and authenticator code
/// typed into the identity service's own pages in the run's browser; the code the redirect carries is
/// taken before it reaches the console and redeemed at the token endpoint. No back door: a token the
/// services accept only because it came from the run's identity service, for that account's role and
/// organisation. Access tokens live 70 s in the run, so each call renews it from the refresh token first
/// when it is half spent.
/// </summary>
internal sealed class StaffTokens : IDisposable
{
    private static readonly TimeSpan RenewAfter = TimeSpan.FromSeconds(35);
    private readonly HttpClient _identity;
    private readonly Dictionary<Uri, GrpcChannel> _channels = [];
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private TokenReply _tokens;
    private DateTimeOffset _gotAt;

    private StaffTokens(HttpClient identity, TokenReply tokens)
    {
        _identity = identity;
        _tokens = tokens;
        _gotAt = RealClock.Clock.GetUtcNow();
    }

    public static async Task<StaffTokens> SignInAsync(ConsoleSystem system, StaffAccount account)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var redirect = new Uri(system.ConsoleAddress, "signed-in").ToString();
        var scope = "openid offline_access application bureau-review prison-approval scheduling notification audit-store";
        var authorize = new Uri(system.IdentityAddress,
            "connect/authorize?client_id=console&response_type=code&response_mode=query"
            + $"&redirect_uri={Uri.EscapeDataString(redirect)}&scope={Uri.EscapeDataString(scope)}"
            + $"&code_challenge={Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)))}&code_challenge_method=S256"
            + $"&state={Base64Url(RandomNumberGenerator.GetBytes(16))}&nonce={Base64Url(RandomNumberGenerator.GetBytes(16))}");
        await using var context = await system.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var code = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(url => url.StartsWith(redirect, StringComparison.Ordinal), async route =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(new Uri(route.Request.Url).Query);
            code.TrySetResult(query["code"] ?? throw new InvalidOperationException($"the identity service answered {route.Request.Url}"));
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, Body = "ok" });
        });
        await page.GotoAsync(authorize.ToString());
        await page.GetByLabel("用户名").FillAsync(account.UserName);
        await page.GetByLabel("密码").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await page.GetByLabel("身份验证器上的6位验证码").FillAsync(account.CurrentCode());
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        var identity = new HttpClient { BaseAddress = system.IdentityAddress };
        var tokens = await RedeemAsync(identity, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = await code.Task.WaitAsync(TimeSpan.FromSeconds(60)),
            ["redirect_uri"] = redirect,
            ["client_id"] = "console",
            ["code_verifier"] = verifier,
        });
        return new StaffTokens(identity, tokens);
    }

    /// <summary>A channel to <paramref name="service"/> whose every call carries the person's current token.</summary>
    public CallInvoker To(Uri service)
    {
        if (!_channels.TryGetValue(service, out var channel))
        {
            var credentials = CallCredentials.FromInterceptor(async (_, metadata) => metadata.Add("Authorization", "Bearer " + await AccessTokenAsync()));
            channel = GrpcChannel.ForAddress(service, new GrpcChannelOptions
            {
                Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
                UnsafeUseInsecureChannelCallCredentials = true, // loopback only, as the run's services
            });
            _channels[service] = channel;
        }

        return channel.CreateCallInvoker();
    }

    private async Task<string> AccessTokenAsync()
    {
        await _renewing.WaitAsync();
        try
        {
            if (RealClock.Clock.GetUtcNow() - _gotAt > RenewAfter)
            {
                _tokens = await RedeemAsync(_identity, new Dictionary<string, string>
                {
                    ["grant_type"] = "refresh_token", ["refresh_token"] = _tokens.RefreshToken, ["client_id"] = "console",
                });
                _gotAt = RealClock.Clock.GetUtcNow();
            }

            return _tokens.AccessToken;
        }
        finally
        {
            _renewing.Release();
        }
    }

    private static async Task<TokenReply> RedeemAsync(HttpClient identity, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await identity.PostAsync(new Uri("connect/token", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"the identity service refused the {form["grant_type"]} grant: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<TokenReply>(body)!;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        _identity.Dispose();
        _renewing.Dispose();
    }

    private sealed record TokenReply(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string RefreshToken);
}
