using Visitation.Contracts.Grpc.PrisonApproval;
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
    public void Every_review_status_has_its_value_in_both_stages_protos()
    {
        var statuses = Enum.GetValues<ReviewStatus>();

        Assert.All(statuses, s => Assert.Equal(s.ToString(), ReviewViews.Status<BureauReviewStatus>(s).ToString()));
        Assert.All(statuses, s => Assert.Equal(s.ToString(), ReviewViews.Status<ApprovalStatus>(s).ToString()));
        Assert.Equal(statuses.Length + 1, Enum.GetValues<BureauReviewStatus>().Length);
        Assert.Equal(statuses.Length + 1, Enum.GetValues<ApprovalStatus>().Length);
    }

    [Fact]
    public void Inmate_status_kinds_are_the_rules_kinds() => AssertSameVocabulary<InmateStatusKind>(StatusKinds.All);

    [Fact]
    public void Crime_categories_are_the_rules_categories() => AssertSameVocabulary<CrimeCategory>(CrimeCategories.All);

    [Fact]
    public void Quota_outcomes_are_the_ledgers_outcomes() =>
        AssertSameVocabulary<QuotaOutcome>([CountedVisit.Booked, CountedVisit.Held, CountedVisit.NoShow, CountedVisit.Cancelled]);

    [Fact]
    public void Special_approval_kinds_are_the_rules_kinds() =>
        AssertSameVocabulary<SpecialApprovalKind>([SpecialApproval.ExtraVisit, SpecialApproval.LongerVisit]);

    [Fact]
    public void Every_level_of_every_shipped_approval_chain_has_its_wire_value()
    {
        var policies = ReferenceDataLoader.LoadFrom(Path.Combine(AppContext.BaseDirectory, "reference-data")).Policies;
        var levels = policies.Provinces.SelectMany(p => policies.For(p, null).ExtraVisitApprovalChain).Distinct().ToList();

        Assert.NotEmpty(levels);
        Assert.All(levels, level => Assert.NotEqual(SpecialApprovalLevel.Unspecified, ProtoCodes.FromCode<SpecialApprovalLevel>(level)));
    }

    [Fact]
    public void Every_suspended_management_level_of_the_policies_has_its_wire_value()
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
