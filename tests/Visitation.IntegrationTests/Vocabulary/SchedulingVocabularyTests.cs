using Visitation.Contracts.Grpc.Scheduling;
using Visitation.Rules.Visits;
using Visitation.Workflow.Grpc;
using StoredStatus = Visitation.Rules.Visits.VisitStatus;
using WireStatus = Visitation.Contracts.Grpc.Scheduling.VisitStatus;

namespace Visitation.IntegrationTests.Vocabulary;

/// <summary>
/// The scheduling API's enums and the codes the rules and the database keep: every wire value has
/// its code and every code its wire value, so neither side can grow alone. Pure: no server involved.
/// </summary>
public sealed class SchedulingVocabularyTests
{
    [Fact]
    public void EveryCancellationCauseOnTheWireIsOneTheRulesDescribeAndBack() =>
        Assert.Equal(CancellationCauses.All.Keys.Order(StringComparer.Ordinal), Codes<CancellationCause>());

    [Fact]
    public void EveryInterruptionCauseOnTheWireIsOneTheRulesKnowAndBack() =>
        Assert.Equal(InterruptionCauses.All.Keys.Order(StringComparer.Ordinal), Codes<InterruptionCause>());

    [Fact]
    public void TheTerminationSeveritiesAreThePoliciesKeys() =>
        Assert.Equal(["ordinary", "serious", "very_serious"], Codes<TerminationSeverity>());

    [Fact]
    public void EveryStoredStatusHasItsOwnWireValue()
    {
        var wire = Enum.GetValues<StoredStatus>().Select(ProtoNames.Map<StoredStatus, WireStatus>).ToList();

        Assert.DoesNotContain(WireStatus.Unspecified, wire);
        Assert.Equal(wire.Count, wire.Distinct().Count());
        Assert.Equal(Enum.GetValues<StoredStatus>().Select(s => s.ToString()), wire.Select(w => w.ToString()));
    }

    private static List<string> Codes<TEnum>() where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(ProtoCodes.IsSpecified).Select(v =>
        {
            var code = ProtoCodes.ToCode(v);
            Assert.Equal(v, ProtoCodes.FromCode<TEnum>(code));
            return code;
        }).Order(StringComparer.Ordinal).ToList();
}
