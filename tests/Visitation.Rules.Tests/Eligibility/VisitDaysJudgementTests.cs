using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

/// <summary>A month's application judged over the inmate's visit days (RULES.md §5: only the days inside a suspension are closed).</summary>
public sealed class VisitDaysJudgementTests
{
    private static readonly DateOnly[] Area6March = [D("2026-03-06"), D("2026-03-16"), D("2026-03-26")];

    private static MonthVerdict Judge(string province, InmateState inmate, QuotaLedger? ledger = null, IReadOnlyList<DateOnly>? days = null) =>
        VisitDaysJudgement.Evaluate(ShippedPolicies.Of(province), inmate, ledger ?? QuotaLedger.Empty, Request() with { VisitDate = null },
            days ?? Area6March, nextMonthWithDays: null, prisonRulesOnly: true);

    [Theory]
    [InlineData("shanxi")]
    [InlineData("ningxia")]
    public void APenaltyEndingMidMonthLeavesTheLaterDaysOpen(string province)
    {
        // A one-month penalty after a visit on 16 February: 17 February to 15 March.
        var penalty = PenaltyPeriod.For(ShippedPolicies.Of(province), "ordinary", 1, D("2026-02-16"), "录音录像")!;

        var verdict = Judge(province, Inmate(province, statuses: penalty));

        Assert.True(verdict.Result.Eligible);
        var blocked = Assert.Single(verdict.BlockedDays);
        Assert.Equal((D("2026-03-06"), RuleCodes.Suspended(StatusKinds.Penalty)), (blocked.Date, blocked.Failure.Code));
    }

    [Fact]
    public void ASuspensionOverEveryVisitDayRefusesWithTheMonthsReason()
    {
        var confinement = new StatusPeriod(StatusKinds.Confinement, D("2026-03-01"), D("2026-03-31"), "违反监规");

        var verdict = Judge("shanxi", Inmate("shanxi", statuses: confinement));

        Assert.Equal([RuleCodes.Suspended(StatusKinds.Confinement)], verdict.Result.Codes());
        Assert.Empty(verdict.BlockedDays);
    }

    [Fact]
    public void ASuspensionOnlyBetweenVisitDaysBlocksNothing()
    {
        var confinement = new StatusPeriod(StatusKinds.Confinement, D("2026-03-07"), D("2026-03-15"), "违反监规");

        var verdict = Judge("shanxi", Inmate("shanxi", statuses: confinement));

        // Only the 6th is closed, and not by the confinement: it is less than 10 days after submission [Y 二].
        Assert.True(verdict.Result.Eligible);
        Assert.Equal([(D("2026-03-06"), RuleCodes.AdvanceNoticeTooShort)], verdict.BlockedDays.Select(b => (b.Date, b.Failure.Code)));
    }

    [Fact]
    public void TheQuotaIsTheMonthsAndNoDayOpensIt()
    {
        var verdict = Judge("shanxi", Inmate("shanxi"), Used(1));

        Assert.Equal([RuleCodes.MonthlyQuotaUsed], verdict.Result.Codes());
    }

    [Fact]
    public void WithNoVisitDayAheadTheMonthIsRefusedForThatFirstAndItsOwnReasonsStand()
    {
        var confinement = new StatusPeriod(StatusKinds.Confinement, D("2026-03-20"), null, "违反监规");

        var verdict = Judge("ningxia", Inmate("ningxia", statuses: confinement), days: []);

        Assert.Equal([RuleCodes.NoVisitDayLeft, RuleCodes.Suspended(StatusKinds.Confinement)], verdict.Result.Codes());
    }

    [Theory]
    [InlineData("shanxi", "[Y 二]")]
    [InlineData("ningxia", "policy choice: the month has no video day left to book")]
    public void AnOtherwiseEligibleMonthWithNoDayLeftIsRefusedNamingTheNextMonthAndItsSource(string province, string source)
    {
        var verdict = VisitDaysJudgement.Evaluate(ShippedPolicies.Of(province), Inmate(province), QuotaLedger.Empty, Request() with { VisitDate = null },
            [D("2026-04-06")], nextMonthWithDays: new VisitMonth(2026, 4), prisonRulesOnly: true);

        var failure = Assert.Single(verdict.Result.Failures);
        Assert.Equal((RuleCodes.NoVisitDayLeft, source), (failure.Code, failure.Source));
        Assert.Contains("最近可申请2026年4月", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADayAlreadyFixedIsJudgedByItsOwnRulesNotByTheMonthsDaysLeft()
    {
        var verdict = VisitDaysJudgement.Evaluate(ShippedPolicies.Shanxi, Inmate("shanxi"), QuotaLedger.Empty, Request() with { VisitDate = D("2026-03-26") },
            [], nextMonthWithDays: null, prisonRulesOnly: true);

        Assert.True(verdict.Result.Eligible);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void TheCountersChecksApplyOnlyWhenAskedFor(bool prisonRulesOnly, bool eligible)
    {
        // A visitor without any identity document: a counter check, not a prison rule.
        var request = Request(new Visitor("brother", 40, false, [DocumentKinds.HouseholdRegister], [])) with { VisitDate = null };

        var verdict = VisitDaysJudgement.Evaluate(
            ShippedPolicies.Shanxi, Inmate("shanxi"), QuotaLedger.Empty, request, Area6March, nextMonthWithDays: null, prisonRulesOnly);

        Assert.Equal(eligible, verdict.Result.Eligible);
    }
}
