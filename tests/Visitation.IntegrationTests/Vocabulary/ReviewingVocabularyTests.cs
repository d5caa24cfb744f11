using Visitation.Contracts.Grpc.PrisonApproval;
using VisitorRemovalReason = Visitation.Contracts.Grpc.VisitorRemovalReason;
using Visitation.Rules.Eligibility;
using Visitation.Workflow.Grpc;
using Visitation.Workflow.ReferenceData;
using Visitation.Workflow.Reviewing;
using BureauReviewStatus = Visitation.Contracts.Grpc.BureauReview.ReviewStatus;
using ReviewStatus = Visitation.Rules.Reviewing.ReviewStatus;

namespace Visitation.IntegrationTests.Vocabulary;

/// <summary>
/// The reviewing stages' enums against the codes the rules and the registers store: every wire value
/// has its code and back, and every code has its wire value, so nothing stored can reach a client as
/// UNSPECIFIED. They ask nothing of the servers the assembly starts.
/// </summary>
public sealed class ReviewingVocabularyTests
{
    [Fact]
    public void EveryReviewStatusHasItsValueInBothStagesProtos()
    {
        var statuses = Enum.GetValues<ReviewStatus>();

        Assert.All(statuses, s => Assert.Equal(s.ToString(), ReviewViews.Status<BureauReviewStatus>(s).ToString()));
        Assert.All(statuses, s => Assert.Equal(s.ToString(), ReviewViews.Status<ApprovalStatus>(s).ToString()));
        Assert.Equal(statuses.Length + 1, Enum.GetValues<BureauReviewStatus>().Length);
        Assert.Equal(statuses.Length + 1, Enum.GetValues<ApprovalStatus>().Length);
    }

    [Fact]
    public void InmateStatusKindsAreTheRulesKinds() => AssertSameVocabulary<InmateStatusKind>(StatusKinds.All);

    [Fact]
    public void CrimeCategoriesAreTheRulesCategories() => AssertSameVocabulary<CrimeCategory>(CrimeCategories.All);

    [Fact]
    public void VisitorRemovalReasonsAreTheRulesCodes() => AssertSameVocabulary<VisitorRemovalReason>(Visitation.Rules.Reviewing.VisitorRemovals.All);

    [Fact]
    public void QuotaOutcomesAreTheLedgersOutcomes() =>
        AssertSameVocabulary<QuotaOutcome>([CountedVisit.Booked, CountedVisit.Held, CountedVisit.NoShow, CountedVisit.Cancelled]);

    [Fact]
    public void SpecialApprovalKindsAreTheRulesKinds() =>
        AssertSameVocabulary<SpecialApprovalKind>([SpecialApproval.ExtraVisit, SpecialApproval.LongerVisit]);

    [Fact]
    public void EveryLevelOfEveryShippedApprovalChainHasItsWireValue()
    {
        var policies = ReferenceDataLoader.LoadFrom(Path.Combine(AppContext.BaseDirectory, "reference-data")).Policies;
        var levels = policies.Provinces.SelectMany(p => policies.For(p, null).ExtraVisitApprovalChain).Distinct().ToList();

        Assert.NotEmpty(levels);
        Assert.All(levels, level => Assert.NotEqual(SpecialApprovalLevel.Unspecified, ProtoCodes.FromCode<SpecialApprovalLevel>(level)));
    }

    [Fact]
    public void EverySuspendedManagementLevelOfThePoliciesHasItsWireValue()
    {
        var policies = ReferenceDataLoader.LoadFrom(Path.Combine(AppContext.BaseDirectory, "reference-data")).Policies;

        Assert.All(policies.Provinces.SelectMany(p => policies.For(p, null).SuspendedLevels),
            level => Assert.NotEqual(ManagementLevel.Unspecified, ProtoCodes.FromCode<ManagementLevel>(level)));
    }

    private static void AssertSameVocabulary<TEnum>(IEnumerable<string> codes) where TEnum : struct, Enum
    {
        var specified = Enum.GetValues<TEnum>().Where(ProtoCodes.IsSpecified).ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal), specified.Select(ProtoCodes.ToCode).Order(StringComparer.Ordinal));
        Assert.All(specified, value => Assert.Equal(value, ProtoCodes.FromCode<TEnum>(ProtoCodes.ToCode(value))));
    }
}
