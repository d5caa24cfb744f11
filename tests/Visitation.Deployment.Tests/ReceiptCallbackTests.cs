using System.Text.Json.Nodes;
using Visitation.Deployment.Tests.Checks;
using Visitation.Deployment.Tests.Hosts;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests;

/// <summary>
/// The SMS providers' receipt callback (POST /sms/receipts/{account}?token=, docs/sms-providers.md) is
/// declared all the way in: Ingress with TLS, Service port, an HTTP/1.1 endpoint of the host on a
/// declared container port, and a network policy for the ingress controller; and every account whose
/// provider pushes its receipts has its callback token among the secrets.
/// </summary>
public sealed class ReceiptCallbackTests
{
    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void TheProvidersCanPostReceiptsToTheCallbackThroughTheIngress(string overlay) =>
        Assert.Empty(ReceiptCallbackRoute.Problems(Overlays.Render(overlay)));

    [Fact]
    public void WithoutTheIngressTheCallbackIsReportedUnreachable()
    {
        var rendered = Overlays.Render(Overlays.Production).Where(item => item.Kind() != "Ingress").ToList();

        Assert.Contains(ReceiptCallbackRoute.Problems(rendered), problem => problem.StartsWith("no Ingress routes /sms/receipts/", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAnHttp1EndpointOnThePortTheIngressReachesTheCallbackIsReported()
    {
        var rendered = Overlays.Render(Overlays.Production);
        var protocols = rendered.Named("Deployment", "notification").MainContainer().Env().Single(variable => variable.Text("name") == "Kestrel__Endpoints__Http__Protocols");
        protocols["value"] = "Http2";

        Assert.Contains(ReceiptCallbackRoute.Problems(rendered), problem => problem.Contains("HTTP/1.1", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutTheIngressControllersNetworkPolicyTheCallbackIsReported()
    {
        var rendered = Overlays.Render(Overlays.Production).Where(item => !(item.Kind() == "NetworkPolicy" && item.Name() == "notification-receipts-ingress")).ToList();

        Assert.Contains(ReceiptCallbackRoute.Problems(rendered), problem => problem.Contains("network policy", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryAlibabaAccountHasItsCallbackTokenAmongTheSecrets()
    {
        // Alibaba Cloud pushes receipts only (no pull over HTTP): without a token its receipts are refused.
        var rendered = Overlays.Render(Overlays.Production);
        var settings = (JsonObject)rendered.Named("ConfigMap", "notification-sms")["data"]!;
        var aliyun = settings.Where(entry => entry.Key.EndsWith("__Provider", StringComparison.Ordinal) && entry.Value!.GetValue<string>() == "Aliyun")
            .Select(entry => entry.Key[..^"__Provider".Length]).ToList();
        var secret = ExampleSecrets.For(rendered).Secret("notification-sms");

        Assert.NotEmpty(aliyun);
        Assert.NotNull(secret);
        Assert.All(aliyun, account => Assert.True(secret.ContainsKey(account + "__CallbackToken"), $"{account} has no CallbackToken in the secret notification-sms"));
    }
}
