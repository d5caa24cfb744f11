using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

public sealed class QuotaRuleTests
{
    [Theory]
    [InlineData("shanxi", "lenient", false, 0, true, "[Y 九3]")]
    [InlineData("shanxi", "lenient", false, 1, true, "[Y 九3]")]
    [InlineData("shanxi", "lenient", false, 2, false, "[Y 九3]")]
    [InlineData("shanxi", "normal", false, 0, true, "[Y 九3]")]
    [InlineData("shanxi", "normal", false, 1, false, "[Y 九3]")]
    [InlineData("shanxi", "assessment", false, 1, false, "[Y 九3]")]
    [InlineData("shanxi", "normal", true, 1, false, "[Y 九3]")]
    [InlineData("ningxia", "normal", false, 1, false, "[N§5]")]
    [InlineData("ningxia", "lenient", false, 1, false, "[N§5]")]
    [InlineData("ningxia", "normal", true, 1, true, "[N§5]")]
    [InlineData("ningxia", "normal", true, 2, false, "[N§5]")]
    public void MonthlyQuota(string province, string level, bool juvenile, int alreadyHeld, bool allowed, string source)
    {
        var result = Evaluate(province, Inmate(province, level, juvenile), Used(alreadyHeld));

        Assert.Equal(allowed, result.Eligible);
        if (!allowed)
        {
            var failure = Assert.Single(result.Failures);
            Assert.Equal(RuleCodes.MonthlyQuotaUsed, failure.Code);
            Assert.Equal(source, failure.Source);
            Assert.Contains($"本月已会见{alreadyHeld}次", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheRefusalTellsAVisitOnlyBookedFromOneHeld()
    {
        var ledger = new QuotaLedger(
        [
            new CountedVisit(D("2026-03-02"), "video", CountedVisit.Held),
            new CountedVisit(D("2026-03-12"), "video", CountedVisit.Booked),
            new CountedVisit(D("2026-03-15"), "on_site", CountedVisit.Cancelled),
        ], []);

        var failure = Assert.Single(Evaluate("shanxi", Inmate("shanxi", "lenient"), ledger).Failures);

        Assert.Equal("罪犯本月会见次数已用完（本月已会见1次、已安排1次，可会见2次），暂停会见。", failure.Message);
    }

    [Fact]
    public void AVisitOnlyBookedIsNeverCalledHeld()
    {
        var ledger = new QuotaLedger([new CountedVisit(D("2026-03-12"), "video", CountedVisit.Booked)], []);

        var failure = Assert.Single(Evaluate("shanxi", Inmate("shanxi", "normal"), ledger).Failures);

        Assert.Contains("本月已安排1次，", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("已会见", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Ningxia: every level 1, juveniles 2: the juvenile number is above the level's.
    [InlineData("ningxia", 1, "normal", true, 2)]
    [InlineData("ningxia", 1, "normal", false, 1)]
    // A lenient level of 3 is above the juvenile 2: a juvenile keeps the larger, never the juvenile number.
    [InlineData("ningxia", 3, "lenient", true, 3)]
    [InlineData("ningxia", 3, "lenient", false, 3)]
    // Shanxi has no juvenile number: a juvenile gets their level's.
    [InlineData("shanxi", 2, "lenient", true, 2)]
    public void AJuvenileGetsTheLargerOfTheLevelAndJuvenileAllowances(string province, int lenient, string level, bool juvenile, int expected)
    {
        var shipped = ShippedPolicies.Of(province);
        var policy = shipped with
        {
            VisitsPerMonthByLevel = new Dictionary<string, int>(shipped.VisitsPerMonthByLevel) { ["lenient"] = lenient },
        };

        Assert.Equal(expected, MonthlyQuotaRule.Allowance(policy, Inmate(province, level, juvenile)));
    }

    [Fact]
    public void AJuvenileWhoseLevelAllowsMoreThanTheJuvenileNumberMayVisitUpToTheLevelsNumber()
    {
        var shipped = ShippedPolicies.Ningxia;
        var policy = shipped with
        {
            VisitsPerMonthByLevel = new Dictionary<string, int>(shipped.VisitsPerMonthByLevel) { ["lenient"] = 3 },
        };
        var juvenile = Inmate("ningxia", "lenient", juvenile: true);

        Assert.True(EligibilityEngine.Evaluate(policy, juvenile, Used(2), Request()).Eligible);
        Assert.Equal([RuleCodes.MonthlyQuotaUsed], EligibilityEngine.Evaluate(policy, juvenile, Used(3), Request()).Codes());
    }

    [Theory]
    // Video and on-site draw on one quota; a prison cancellation never counts [N§19]; no-shows count [N§10].
    [InlineData("on_site", CountedVisit.Held, false)]
    [InlineData("video", CountedVisit.NoShow, false)]
    [InlineData("video", CountedVisit.Cancelled, true)]
    // An approved visit not yet held already takes the month's visit, or a second application would pass.
    [InlineData("video", CountedVisit.Booked, false)]
    public void WhatCounts(string mode, string outcome, bool allowed)
    {
        var ledger = new QuotaLedger([new CountedVisit(D("2026-03-05"), mode, outcome)], []);

        Assert.Equal(allowed, Evaluate("ningxia", ledger: ledger).Eligible);
        Assert.Equal(allowed, Evaluate("shanxi", ledger: ledger).Eligible);
    }

    [Fact]
    public void ANoShowIsFreeWhenThePolicySaysSo()
    {
        var policy = ShippedPolicies.Ningxia with { NoShowCountsAsVisit = false };
        var ledger = new QuotaLedger([new CountedVisit(D("2026-03-05"), "video", CountedVisit.NoShow)], []);

        Assert.True(EligibilityEngine.Evaluate(policy, Inmate("ningxia"), ledger, Request()).Eligible);
    }

    [Fact]
    public void VisitsInOtherMonthsDoNotCount()
    {
        var ledger = new QuotaLedger(
            [new CountedVisit(D("2026-02-28"), "video", CountedVisit.Held), new CountedVisit(D("2026-04-01"), "on_site", CountedVisit.Held)],
            []);

        Assert.True(Evaluate("shanxi", ledger: ledger).Eligible);
    }

    [Theory]
    [InlineData("shanxi", "prison_area,prison_administration_section,prison_leadership", true, true, "[Y 四2]")]
    [InlineData("shanxi", "prison_area,prison_administration_section", true, false, "[Y 四2]")]
    [InlineData("shanxi", "prison_area,prison_administration_section,prison_leadership", false, false, "[Y 四2]")]
    [InlineData("ningxia", "prison_director", true, true, "[N§5 ¶3]")]
    [InlineData("ningxia", "prison_area", true, false, "[N§5 ¶3]")]
    public void AnExtraVisitApprovalLiftsTheQuota(string province, string approvers, bool claimed, bool allowed, string source)
    {
        var approval = new SpecialApproval(SpecialApproval.ExtraVisit, March, approvers.Split(','));
        var ledger = Used(1) with { Approvals = [approval] };
        var request = Request() with { UsesSpecialApproval = claimed };

        var result = Evaluate(province, ledger: ledger, request: request);

        Assert.Equal(allowed, result.Eligible);
        Assert.Contains(source, ShippedPolicies.Of(province).Notes["extraVisitApprovalChain"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SpecialApproval.LongerVisit, 3)]
    [InlineData(SpecialApproval.ExtraVisit, 2)]
    public void OnlyThisMonthsExtraVisitApprovalsCount(string kind, int month)
    {
        var approval = new SpecialApproval(kind, new VisitMonth(2026, month), ["prison_director"]);
        var ledger = Used(1) with { Approvals = [approval] };

        var result = Evaluate("ningxia", ledger: ledger, request: Request() with { UsesSpecialApproval = true });

        Assert.Equal([RuleCodes.MonthlyQuotaUsed], result.Codes());
    }

    private const string ShanxiChain = "prison_area,prison_administration_section,prison_leadership";

    [Theory]
    // The month's approvals ("kind month signatories", separated by ";"), whether the visit claims them, and the most
    // visits the month may hold for a normal-level Shanxi inmate (ordinarily 1). The rule and the early-end re-offer
    // (which claims them: docs/reoffer-and-moves.md) both read this number.
    [InlineData("", true, 1)]
    [InlineData("extra_visit 3 " + ShanxiChain, true, 2)]
    [InlineData("extra_visit 3 " + ShanxiChain, false, 1)]
    [InlineData("extra_visit 3 " + ShanxiChain + ";extra_visit 3 " + ShanxiChain, true, 3)]
    [InlineData("extra_visit 3 prison_area,prison_administration_section", true, 1)]
    [InlineData("longer_visit 3 " + ShanxiChain, true, 1)]
    [InlineData("extra_visit 2 " + ShanxiChain, true, 1)]
    public void TheMonthHoldsTheOrdinaryAllowancePlusTheCompleteExtraVisitApprovalsOfTheMonthWhenClaimed(string approvals, bool claimed, int expected)
    {
        var ledger = QuotaLedger.Empty with
        {
            Approvals = [.. approvals.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split(' ')).Select(a =>
                new SpecialApproval(a[0], new VisitMonth(2026, int.Parse(a[1], System.Globalization.CultureInfo.InvariantCulture)), a[2].Split(',')))],
        };

        Assert.Equal(expected, MonthlyQuotaRule.Allowed(ShippedPolicies.Shanxi, Inmate("shanxi", "normal"), ledger, March, claimed));
    }

    [Fact]
    public void AnUnknownLevelIsBadDataNotARefusal()
    {
        Assert.Throws<ArgumentException>(() => Evaluate("shanxi", Inmate("shanxi", "vip")));
    }
}
