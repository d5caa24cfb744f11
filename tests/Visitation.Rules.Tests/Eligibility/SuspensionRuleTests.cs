using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

public sealed class SuspensionRuleTests
{
    [Theory]
    [InlineData("shanxi", StatusKinds.InductionTraining, "SUSPENDED_INDUCTION_TRAINING", "[Y 九2]")]
    [InlineData("shanxi", StatusKinds.Investigation, "SUSPENDED_INVESTIGATION", "[Y 九4]")]
    [InlineData("shanxi", StatusKinds.Confinement, "SUSPENDED_CONFINEMENT", "[Y 九5]")]
    [InlineData("shanxi", StatusKinds.SeparateCustody, "SUSPENDED_SEPARATE_CUSTODY", "[Y 九6]")]
    [InlineData("shanxi", StatusKinds.DiehardDangerous, "SUSPENDED_DIEHARD_DANGEROUS", "[Y 九7]")]
    [InlineData("shanxi", StatusKinds.PoliticalKey, "SUSPENDED_POLITICAL_KEY", "[Y 九7]")]
    [InlineData("shanxi", StatusKinds.FalseInformation, "SUSPENDED_FALSE_INFORMATION", "[Y 八1]")]
    [InlineData("shanxi", StatusKinds.Penalty, "SUSPENDED_PENALTY", "[Y 十]")]
    [InlineData("shanxi", StatusKinds.Other, "SUSPENDED_OTHER", "[Y 九7]")]
    [InlineData("ningxia", StatusKinds.InductionTraining, "SUSPENDED_INDUCTION_TRAINING", "[N§6(五)]")]
    [InlineData("ningxia", StatusKinds.Investigation, "SUSPENDED_INVESTIGATION", "[N§6(二)]")]
    [InlineData("ningxia", StatusKinds.Confinement, "SUSPENDED_CONFINEMENT", "[N§6(三)]")]
    [InlineData("ningxia", StatusKinds.SeparateCustody, "SUSPENDED_SEPARATE_CUSTODY", "[N§6(五)]")]
    [InlineData("ningxia", StatusKinds.DiehardDangerous, "SUSPENDED_DIEHARD_DANGEROUS", "[N§6(四)]")]
    [InlineData("ningxia", StatusKinds.PoliticalKey, "SUSPENDED_POLITICAL_KEY", "[N§6(四)]")]
    [InlineData("ningxia", StatusKinds.FalseInformation, "SUSPENDED_FALSE_INFORMATION", "[N§6(一)]")]
    [InlineData("ningxia", StatusKinds.Penalty, "SUSPENDED_PENALTY", "[N§14]")]
    [InlineData("ningxia", StatusKinds.Other, "SUSPENDED_OTHER", "[N§6(五)]")]
    public void EveryKindSuspendsOnItsDays(string province, string kind, string code, string source)
    {
        // Visit day 2026-03-21: a period ending that day blocks, one ending the day before does not.
        var onTheDay = new StatusPeriod(kind, D("2026-03-01"), D("2026-03-21"), "监区报告");
        var dayBefore = onTheDay with { To = D("2026-03-20") };
        var startsNextDay = onTheDay with { From = D("2026-03-22"), To = null };

        var blocked = Evaluate(province, Inmate(province, statuses: onTheDay));

        var failure = Assert.Single(blocked.Failures);
        Assert.Equal(code, failure.Code);
        Assert.Equal(source, failure.Source);
        Assert.Contains("暂停会见", failure.Message, StringComparison.Ordinal);
        Assert.True(Evaluate(province, Inmate(province, statuses: dayBefore)).Eligible);
        Assert.True(Evaluate(province, Inmate(province, statuses: startsNextDay)).Eligible);
    }

    [Theory]
    [InlineData("shanxi", "2026-03-21", null, false)]
    [InlineData("shanxi", "2026-03-22", null, true)]
    [InlineData("shanxi", "2026-01-01", null, false)]
    [InlineData("ningxia", "2026-03-21", "2026-03-21", false)]
    [InlineData("ningxia", "2026-02-01", "2026-03-20", true)]
    public void OpenEndedAndSingleDayPeriods(string province, string from, string? to, bool allowed)
    {
        var period = new StatusPeriod(StatusKinds.Confinement, D(from), to is null ? null : D(to), "");

        Assert.Equal(allowed, Evaluate(province, Inmate(province, statuses: period)).Eligible);
    }

    [Theory]
    // No visit day yet: a period touching any day of the month blocks (see DateWindow).
    [InlineData("2026-02-10", "2026-03-01", false)]
    [InlineData("2026-03-31", "2026-04-10", false)]
    [InlineData("2026-02-10", "2026-02-28", true)]
    [InlineData("2026-04-01", "2026-04-10", true)]
    public void WithoutAVisitDayAnyDayOfTheMonthCounts(string from, string to, bool allowed)
    {
        var period = new StatusPeriod(StatusKinds.Penalty, D(from), D(to), "");
        var request = Request() with { VisitDate = null };

        Assert.Equal(allowed, Evaluate("ningxia", Inmate("ningxia", statuses: period), request: request).Eligible);
    }

    [Fact]
    public void EachCoveringPeriodIsReported()
    {
        var inmate = Inmate(
            "shanxi",
            statuses:
            [
                new StatusPeriod(StatusKinds.Confinement, D("2026-03-15"), D("2026-03-25"), ""),
                new StatusPeriod(StatusKinds.Investigation, D("2026-01-01"), null, ""),
                new StatusPeriod(StatusKinds.Penalty, D("2026-01-01"), D("2026-02-28"), ""),
            ]);

        Assert.Equal(["SUSPENDED_CONFINEMENT", "SUSPENDED_INVESTIGATION"], Evaluate("shanxi", inmate).Codes());
    }

    [Fact]
    public void AnOtherReasonIsToldInItsOwnWords()
    {
        var inmate = Inmate("shanxi", statuses: new StatusPeriod("quarantine", D("2026-03-01"), null, "监区实施疫情封闭管理"));

        var failure = Assert.Single(Evaluate("shanxi", inmate).Failures);

        Assert.Equal("SUSPENDED_OTHER", failure.Code);
        Assert.Equal("[Y 九7]", failure.Source);
        Assert.StartsWith("监区实施疫情封闭管理（自2026年3月1日起）", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shanxi", "strict", false, "[Y 九1]")]
    [InlineData("shanxi", "assessment", true, "[Y 九1]")]
    [InlineData("shanxi", "lenient", true, "[Y 九1]")]
    [InlineData("ningxia", "strict", false, "[N§6(三)]")]
    [InlineData("ningxia", "normal", true, "[N§6(三)]")]
    public void StrictLevelSuspendsVisits(string province, string level, bool allowed, string source)
    {
        var result = Evaluate(province, Inmate(province, level));

        Assert.Equal(allowed, result.Eligible);
        if (!allowed)
        {
            var failure = Assert.Single(result.Failures);
            Assert.Equal(RuleCodes.ManagementLevelSuspended, failure.Code);
            Assert.Equal(source, failure.Source);
            Assert.Equal("罪犯处遇为严管级，暂停会见。", failure.Message);
        }
    }

    [Theory]
    [InlineData("shanxi", "2026-03-21", false, "[Y 八1]")]
    [InlineData("shanxi", "2026-03-20", true, "[Y 八1]")]
    [InlineData("ningxia", "2026-03-21", false, "[NC§8]")]
    [InlineData("ningxia", "2026-03-20", true, "[NC§8]")]
    public void ABarredVisitorIsRefused(string province, string barEnds, bool allowed, string source)
    {
        var barred = Adult("brother", 30) with { Bars = [new VisitorBar(D("2026-01-21"), D(barEnds), "上次会见中使用暗语")] };

        var result = Evaluate(province, request: Request(Adult(), barred));

        Assert.Equal(allowed, result.Eligible);
        if (!allowed)
        {
            var failure = Assert.Single(result.Failures);
            Assert.Equal(RuleCodes.VisitorBarred, failure.Code);
            Assert.Equal(source, failure.Source);
            Assert.Contains("第2位会见人（兄弟）", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnOtherReasonLeftBlankIsToldInGeneralWords()
    {
        var inmate = Inmate("shanxi", statuses: new StatusPeriod("quarantine", D("2026-03-01"), null, " "));

        var failure = Assert.Single(Evaluate("shanxi", inmate).Failures);

        Assert.StartsWith("存在影响监狱安全或罪犯改造的情形", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-21", false)] // the bar starts on the visit day itself
    [InlineData("2026-03-22", true)]
    public void ABarStartingOnTheVisitDayRefusesIt(string barStarts, bool allowed)
    {
        var barred = Adult("brother", 30) with { Bars = [new VisitorBar(D(barStarts), null, "扰乱会见秩序")] };

        Assert.Equal(allowed, Evaluate("shanxi", request: Request(Adult(), barred)).Eligible);
    }

    [Theory]
    [InlineData("lenient", "宽管级")]
    [InlineData("normal", "普管级")]
    [InlineData("assessment", "考核级")]
    [InlineData("special", "受限处遇级别")]
    public void APolicyThatSuspendsAnotherLevelNamesItInChinese(string level, string name)
    {
        var policy = ShippedPolicies.Shanxi with { SuspendedLevels = [level], VisitsPerMonthByLevel = new Dictionary<string, int> { [level] = 1 } };

        var failure = Assert.Single(EligibilityEngine.Evaluate(policy, Inmate("shanxi", level), QuotaLedger.Empty, Request()).Failures);

        Assert.Equal($"罪犯处遇为{name}，暂停会见。", failure.Message);
    }

    [Theory]
    [InlineData("2026-03-31", "第2位会见人（兄弟）在2026年3月31日前不得参加会见：扰乱会见秩序。")]
    [InlineData(null, "第2位会见人（兄弟）目前不得参加会见：扰乱会见秩序。")]
    public void ABarIsToldWithItsEndOrAsCurrent(string? barEnds, string expected)
    {
        var barred = Adult("brother", 30) with { Bars = [new VisitorBar(D("2026-03-01"), barEnds is null ? null : D(barEnds), "扰乱会见秩序")] };

        Assert.Equal(expected, Assert.Single(Evaluate("shanxi", request: Request(Adult(), barred)).Failures).Message);
    }

    [Fact]
    public void AClosedSuspensionIsToldWithBothEnds()
    {
        var inmate = Inmate("shanxi", statuses: new StatusPeriod(StatusKinds.Confinement, D("2026-03-15"), D("2026-03-25"), ""));

        Assert.Equal("罪犯处于禁闭期间（2026年3月15日至2026年3月25日），暂停会见。", Assert.Single(Evaluate("shanxi", inmate).Failures).Message);
    }
}
