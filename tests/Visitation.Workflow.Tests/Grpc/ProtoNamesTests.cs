using Visitation.Workflow.Grpc;
using Xunit;
using StoredKind = Visitation.Rules.Sms.SmsKind;
using WireKind = Visitation.Contracts.Grpc.Notification.SmsKind;

namespace Visitation.Workflow.Tests.Grpc;

/// <summary>A service's enum and its proto twin of the same names, walked over the SMS kinds.</summary>
public sealed class ProtoNamesTests
{
    [Fact]
    public void EverySmsKindHasItsProtoTwinAndBack()
    {
        foreach (var kind in Enum.GetValues<StoredKind>())
        {
            var wire = ProtoNames.Map<StoredKind, WireKind>(kind);
            Assert.NotEqual(WireKind.Unspecified, wire);
            Assert.Equal(kind, ProtoNames.Map<WireKind, StoredKind>(wire));
        }

        Assert.Equal(Enum.GetValues<StoredKind>().Length, Enum.GetValues<WireKind>().Length - 1);
    }

    [Fact]
    public void TheFirstStoredValueIsNotMistakenForUnspecified()
    {
        Assert.Equal(0, (int)StoredKind.Received);
        Assert.Equal(WireKind.Received, ProtoNames.Map<StoredKind, WireKind>(StoredKind.Received));
    }

    [Fact]
    public void UnspecifiedOrUndefinedHasNoTwin()
    {
        Assert.False(ProtoNames.TryMap<WireKind, StoredKind>(WireKind.Unspecified, out _));
        Assert.False(ProtoNames.TryMap<WireKind, StoredKind>((WireKind)42, out _));
        Assert.False(ProtoNames.TryMap<StoredKind, WireKind>((StoredKind)42, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProtoNames.Map<WireKind, StoredKind>(WireKind.Unspecified));
    }
}
