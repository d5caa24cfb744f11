using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.ServiceDefaults.Grpc;
using Xunit;

namespace Visitation.Workflow.Tests.Hygiene;

/// <summary>An idempotency key bound to its request: the fingerprint is of the body without the key.</summary>
public sealed class RequestFingerprintTests
{
    [Fact]
    public void TheSameBodyUnderAnotherKeyHasTheSameFingerprint() =>
        Assert.Equal(
            RequestFingerprint.Of(new RecordOnSiteVisitRequest { RequestId = "a", InmateNumber = "YJ1", Date = "2026-11-30" }),
            RequestFingerprint.Of(new RecordOnSiteVisitRequest { RequestId = "b", InmateNumber = "YJ1", Date = "2026-11-30" }));

    [Fact]
    public void AnotherBodyOrAnEmptyOneHasAnotherFingerprint()
    {
        var first = RequestFingerprint.Of(new RecordOnSiteVisitRequest { RequestId = "a", InmateNumber = "YJ1", Date = "2026-11-30" });
        Assert.NotEqual(first, RequestFingerprint.Of(new RecordOnSiteVisitRequest { RequestId = "a", InmateNumber = "YJ1", Date = "2026-11-29" }));
        Assert.NotEqual(first, RequestFingerprint.Of(new RecordOnSiteVisitRequest { RequestId = "a" }));
    }

    [Fact]
    public void FingerprintingLeavesTheRequestItsKey()
    {
        var request = new SubmitApplicationRequest { RequestId = "key" };
        RequestFingerprint.Of(request);
        Assert.Equal("key", request.RequestId);
    }

    [Fact]
    public void ARowFromBeforeFingerprintsMatchesAnyRetry()
    {
        Assert.True(RequestFingerprint.Matches(null, "abc"));
        Assert.False(RequestFingerprint.Matches("abd", "abc"));
    }
}
