using Visitation.Notification.Features.Deliver.Providers;

namespace Visitation.Notification.Tests.Providers;

/// <summary>
/// The two signatures reproduce the providers' own worked examples exactly: Alibaba Cloud's "签名机制"
/// (DescribeRegions, AccessKeySecret <c>testsecret</c>) and Tencent Cloud's "签名方法 v3"
/// (CVM DescribeInstances at 1551113065 with the document's masked SecretKey).
/// </summary>
public sealed class SmsSignatureTests
{
    private static readonly Dictionary<string, string> AlibabaExample = new()
    {
        ["AccessKeyId"] = "testid",
        ["Action"] = "DescribeRegions",
        ["Format"] = "XML",
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        ["SignatureVersion"] = "1.0",
        ["Timestamp"] = "2016-02-23T12:46:24Z",
        ["Version"] = "2014-05-26",
    };

    [Fact]
    public void AlibabasStringToSignIsTheDocumentsOne()
    {
        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1" +
            "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0" +
            "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
            AliyunRpcSignature.StringToSign("GET", AlibabaExample));
    }

    [Fact]
    public void AlibabasSignatureIsTheDocumentsOne()
    {
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AliyunRpcSignature.Sign("GET", AlibabaExample, "testsecret"));
        Assert.True(AliyunRpcSignature.Verify("GET", AlibabaExample, "testsecret", "OLeaidS1JvxuMvnyHOwuJ+uX5qY="));
        Assert.False(AliyunRpcSignature.Verify("GET", AlibabaExample, "testsecreT", "OLeaidS1JvxuMvnyHOwuJ+uX5qY="));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a*b", "a%2Ab")]
    [InlineData("a~b-_.", "a~b-_.")]
    [InlineData("/", "%2F")]
    [InlineData("{\"a\":\"短\"}", "%7B%22a%22%3A%22%E7%9F%AD%22%7D")]
    public void AlibabasPercentEncodingIsRfc3986OfUtf8WithUpperCaseHex(string value, string expected)
    {
        Assert.Equal(expected, AliyunRpcSignature.Encode(value));
    }

    private const string TencentPayload = """{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}""";

    [Fact]
    public void TencentsCanonicalRequestAndStringToSignAreTheDocumentsOnes()
    {
        var canonical = Tc3Signature.CanonicalRequest("application/json; charset=utf-8", "cvm.tencentcloudapi.com", TencentPayload);

        Assert.Equal(
            "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n" +
            "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
            canonical);
        Assert.Equal(
            "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
            Tc3Signature.StringToSign(1551113065, "cvm", canonical));
    }

    [Fact]
    public void TencentsSignatureAndAuthorizationAreTheDocumentsOnes()
    {
        var canonical = Tc3Signature.CanonicalRequest("application/json; charset=utf-8", "cvm.tencentcloudapi.com", TencentPayload);

        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, " +
            "Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
            Tc3Signature.Authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", "Gu5t9xGARNpq86cd98joQYCN3*******", 1551113065, "cvm", canonical));
    }
}
