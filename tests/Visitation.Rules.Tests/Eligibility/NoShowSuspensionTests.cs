using Visitation.Rules.Eligibility;
using Visitation.Rules.Policies;
using Xunit;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

/// <summary>
/// The no-show option (docs/visitor-refusal-and-no-shows.md): N no-shows within M months hold a family's
/// new applications back for K months from the last of them; off unless the policy switches it on.
/// </summary>
public sealed class NoShowSuspensionTests
{
    private static readonly NoShowSuspensionPolicy TwoInSixForThree = new(Enabled: true, NoShows: 2, WithinMonths: 6, SuspendMonths: 3);

    public static TheoryData<string, string, string?> Cases() => new()
    {
        // no-shows (yyyy-MM-dd, comma-separated), the day of the new application, the first day it may be made again (null: not held back)
        { "", "2026-05-01", null },
        { "2026-03-10", "2026-03-20", null },
        { "2026-03-10,2026-04-14", "2026-04-20", "2026-07-14" },
        { "2026-03-10,2026-04-14", "2026-04-14", "2026-07-14" },
        { "2026-03-10,2026-04-14", "2026-07-13", "2026-07-14" },
        { "2026-03-10,2026-04-14", "2026-07-14", null },
        // Six months apart is not "within six months": the first is not after the day six months before the second.
        { "2026-03-10,2026-09-10", "2026-09-20", null },
        { "2026-03-10,2026-09-09", "2026-09-20", "2026-12-09" },
        // A third no-show inside the suspension starts another, from its own day.
        { "2026-03-10,2026-04-14,2026-05-12", "2026-07-20", "2026-08-12" },
        // A no-show after the day of the application does not count (an application judged later, on its own day).
        { "2026-03-10,2026-04-14", "2026-04-01", null },
        // The order they are given in does not matter.
        { "2026-04-14,2026-03-10", "2026-05-01", "2026-07-14" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheFamilyMayApplyAgainOnTheSameDateSuspendMonthsAfterTheNoShowThatMadeTheCount(string noShows, string day, string? allowedAgain)
    {
        var dates = noShows.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(D).ToList();

        Assert.Equal(allowedAgain is null ? null : D(allowedAgain), NoShowSuspension.AllowedAgainOn(TwoInSixForThree, dates, D(day)));
    }

    [Fact]
    public void TheOptionOffOrAbsentHoldsNobodyBack()
    {
        DateOnly[] many = [D("2026-03-10"), D("2026-03-17"), D("2026-03-24"), D("2026-03-31")];

        Assert.Null(NoShowSuspension.AllowedAgainOn(TwoInSixForThree with { Enabled = false }, many, D("2026-04-01")));
        Assert.Null(NoShowSuspension.AllowedAgainOn(null, many, D("2026-04-01")));
        Assert.All(["shanxi", "ningxia"], province => Assert.False(ShippedPolicies.Of(province).NoShowSuspension.Enabled));
        Assert.All(["shanxi", "ningxia"], province => Assert.Equal("policy choice", ShippedPolicies.Of(province).SourceOf(RuleCodes.NoShowSuspension)));
    }

    [Fact]
    public void TheRuleRefusesWithItsCodeAndNamesTheLastDayAndTheDayToApplyAgain()
    {
        var policy = ShippedPolicies.Shanxi with { NoShowSuspension = TwoInSixForThree };
        var request = Build.Request(Build.Adult()) with
        {
            Month = new VisitMonth(2026, 5), VisitDate = D("2026-05-21"), SubmittedOn = D("2026-04-20"), FamilyNoShows = [D("2026-03-10"), D("2026-04-14")],
        };

        var result = EligibilityEngine.EvaluatePrisonRules(policy, Build.Inmate("shanxi"), QuotaLedger.Empty, request);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(RuleCodes.NoShowSuspension, failure.Code);
        Assert.Equal("会见人近6个月内已有2次预约会见未到场，2026年7月13日前不受理新的会见申请，2026年7月14日起可再申请。", failure.Message);
        Assert.True(EligibilityEngine.EvaluatePrisonRules(policy, Build.Inmate("shanxi"), QuotaLedger.Empty, request with { FamilyNoShows = null }).Eligible);
    }

    [Fact]
    public void TheCounterIsToldOfTheFamilysOwnNoShowsButOfNothingElseThePrisonFound()
    {
        var noShow = new RuleFailure(RuleCodes.NoShowSuspension, "…", "policy choice");
        var confined = new RuleFailure(RuleCodes.Suspended("confinement"), "禁闭期间", "[Y 九5]");

        var both = CounterAnswer.FromPrisonRules(EligibilityResult.From([confined, noShow]));

        Assert.Equal(CounterOutcome.VisitorsIneligible, both.Outcome);
        Assert.Equal([noShow], both.VisitorFailures);
        Assert.Same(CounterAnswer.ContactPrison, CounterAnswer.FromPrisonRules(EligibilityResult.From([confined])));
    }
}
