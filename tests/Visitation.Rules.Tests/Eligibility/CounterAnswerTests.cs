using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

/// <summary>What the counter may be told: visitor-side reasons by name, everything else one neutral answer.</summary>
public sealed class CounterAnswerTests
{
    private static readonly StatusPeriod Confinement = new(StatusKinds.Confinement, D("2026-03-01"), D("2026-03-31"), "违反监规");

    [Fact]
    public void VisitorFailuresAreNamedAndNothingOfTheInmateWithThem()
    {
        var request = Request(Adult("spouse"), Adult("father"), Adult("mother"), Adult("brother"), Child(8));

        var answer = CounterAnswer.FromVisitorChecks(ClerkChecks.Evaluate(ShippedPolicies.Shanxi, request));

        Assert.NotNull(answer);
        Assert.Equal(CounterOutcome.VisitorsIneligible, answer.Outcome);
        Assert.Equal([RuleCodes.TooManyVisitors, RuleCodes.ChildWithoutGuardian], answer.VisitorFailures.Select(f => f.Code));
    }

    [Fact]
    public void VisitorsWhoPassLeaveTheAnswerToThePrisonsRecords()
    {
        Assert.Null(CounterAnswer.FromVisitorChecks(ClerkChecks.Evaluate(ShippedPolicies.Shanxi, Request())));
    }

    [Theory]
    [InlineData("strict", false)]
    [InlineData("normal", true)]
    public void AnyPrisonSideFailureIsTheOneNeutralAnswer(string level, bool confined)
    {
        var inmate = confined ? Inmate("shanxi", level, statuses: Confinement) : Inmate("shanxi", level);
        var judged = EligibilityEngine.EvaluatePrisonRules(ShippedPolicies.Shanxi, inmate, QuotaLedger.Empty, Request());

        var answer = CounterAnswer.FromPrisonRules(judged);

        Assert.False(judged.Eligible);
        Assert.Same(CounterAnswer.ContactPrison, answer);
        Assert.Empty(answer.VisitorFailures);
    }

    [Fact]
    public void AnUnknownInmateIsAnsweredLikeAKnownIneligibleOne()
    {
        var known = CounterAnswer.FromPrisonRules(EligibilityEngine.EvaluatePrisonRules(ShippedPolicies.Shanxi, Inmate("shanxi", "strict"), QuotaLedger.Empty, Request()));

        Assert.Same(known, CounterAnswer.FromPrisonRules(null));
    }

    [Fact]
    public void AnInmateTheRulesLetBeVisitedIsEligible()
    {
        var judged = EligibilityEngine.EvaluatePrisonRules(ShippedPolicies.Shanxi, Inmate("shanxi"), QuotaLedger.Empty, Request());

        Assert.Equal(CounterOutcome.Eligible, CounterAnswer.FromPrisonRules(judged).Outcome);
    }
}
