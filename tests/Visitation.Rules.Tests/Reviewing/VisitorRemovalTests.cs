using Visitation.Rules.Eligibility;
using Visitation.Rules.Reviewing;
using Visitation.Rules.Sms;
using Xunit;

namespace Visitation.Rules.Tests.Reviewing;

/// <summary>
/// Refusing one visitor while approving the visit (docs/visitor-refusal-and-no-shows.md): which removals
/// may be recorded, the decision's texts, and how the family's SMS names who cannot come.
/// </summary>
public sealed class VisitorRemovalTests
{
    public static TheoryData<int[], (int, string)[], string?> Requests() => new()
    {
        // ages, removals, the field refused (null: recorded)
        { [45, 70], [(1, VisitorRemovals.NotRelativeInScope)], null },
        { [45, 10, 70], [(0, VisitorRemovals.Barred), (2, VisitorRemovals.DocumentsMissing)], "remove_visitors" },
        { [45, 10], [(0, VisitorRemovals.Barred)], "remove_visitors" },
        { [45, 10], [(1, VisitorRemovals.IdentityUnverified)], null },
        { [45], [(0, VisitorRemovals.Barred)], "remove_visitors" },
        { [45, 70], [(2, VisitorRemovals.Barred)], "remove_visitors[0].visitor_index" },
        { [45, 70], [(-1, VisitorRemovals.Barred)], "remove_visitors[0].visitor_index" },
        { [45, 70, 30], [(1, VisitorRemovals.Barred), (1, VisitorRemovals.DocumentsMissing)], "remove_visitors[1].visitor_index" },
        { [45, 70], [(1, "")], "remove_visitors[0].reason" },
        { [45, 70], [(1, "not_a_reason")], "remove_visitors[0].reason" },
        { [45, 70], [], null },
        { [17, 18], [(1, VisitorRemovals.RelationshipUnproven)], "remove_visitors" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void ARemovalIsRecordedOnlyWhenEveryVisitorNamedIsOnTheApplicationOnceAndAnAdultRemains(int[] ages, (int, string)[] removals, string? refusedField)
    {
        // The county bureau and the visit centre remove visitors by one rule.
        foreach (var stage in new[] { ReviewStage.CountyBureau, ReviewStage.Prison })
        {
            var problems = VisitorRemovals.Check(stage, ages, removals);

            Assert.Equal(refusedField, problems.Select(p => p.Field).FirstOrDefault());
        }
    }

    public static TheoryData<string, string> NoAdultLeftMessages() => new()
    {
        // The stage, and the message: it sends the reviewer to refusing by the name of their own page's button
        // (the bureau's 复核申请 page: 不同意; the visit centre's 审批 page: 不予批准).
        { nameof(ReviewStage.CountyBureau), "至少须保留一名成年会见人；全部不予会见请选择“不同意”" },
        { nameof(ReviewStage.Prison), "至少须保留一名成年会见人；全部不予会见请选择“不予批准”" },
    };

    [Theory]
    [MemberData(nameof(NoAdultLeftMessages))]
    public void RemovingEveryAdultIsRefusedNamingTheRefusalButtonOfTheStageThatAsked(string stageName, string message)
    {
        var stage = stageName == nameof(ReviewStage.CountyBureau) ? ReviewStage.CountyBureau : ReviewStage.Prison;

        var problems = VisitorRemovals.Check(stage, [45, 10], [(0, VisitorRemovals.Barred)]);

        Assert.Equal(("remove_visitors", message), Assert.Single(problems));
    }

    [Fact]
    public void TheDecisionRecordsAnUpperSnakeCodeAndASentenceNamingThePositionAndRelation()
    {
        Assert.Equal("VISITOR_NOT_RELATIVE_IN_SCOPE", VisitorRemovals.ReasonCode(VisitorRemovals.NotRelativeInScope));
        Assert.Equal("第2位会见人（配偶）不予会见：不属于可以会见的亲属范围。", VisitorRemovals.Message(1, "spouse", VisitorRemovals.NotRelativeInScope));
        Assert.All(VisitorRemovals.All, code => Assert.StartsWith("VISITOR_", VisitorRemovals.ReasonCode(code), StringComparison.Ordinal));
    }

    [Fact]
    public void TheSmsNamesWhoCannotComeByPositionAndRelationAndByPositionAloneWhenThatWouldBeLong()
    {
        Assert.Equal("第2位会见人（配偶）", VisitorRemovals.DescribeForSms([(1, "spouse")]));
        Assert.Equal("第1位会见人（父亲）、第3位会见人（儿子）", VisitorRemovals.DescribeForSms([(2, "son"), (0, "father")]));
        Assert.Equal("第2、3、4位会见人", VisitorRemovals.DescribeForSms([(1, "sibling_in_law"), (2, "uncle"), (3, "aunt")]));
        // Every relation word and every count stays within the limit the SMS budget is measured with.
        Assert.All(RelationNames.Codes, relation => Assert.InRange(
            VisitorRemovals.DescribeForSms([.. Enumerable.Range(0, 10).Select(i => (i, relation))]).Length, 1, VisitorRemovals.MaxSmsDescriptionLength));
    }

    [Fact]
    public void TheSmsGivesTheRemovalsCommonSentenceOrTheNeutralOneAndABarOnlyTheNeutralOne()
    {
        Assert.Equal(SmsReasons.ApplicationDetails, VisitorRemovals.SmsReason([VisitorRemovals.DocumentsMissing, VisitorRemovals.NotRelativeInScope]));
        Assert.Equal(SmsReasons.ConditionsNotMet, VisitorRemovals.SmsReason([VisitorRemovals.Barred]));
        Assert.Equal(SmsReasons.ConditionsNotMet, VisitorRemovals.SmsReason([VisitorRemovals.Barred, VisitorRemovals.DocumentsMissing]));
    }
}
