using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

/// <summary>The engine reports every broken rule at once, and the clerk's subset stands alone.</summary>
public sealed class AllFailuresTests
{
    [Theory]
    [InlineData("shanxi")]
    [InlineData("ningxia")]
    public void TheDefaultRequestPassesEverywhere(string province)
    {
        var result = Evaluate(province);

        Assert.True(result.Eligible);
        Assert.Empty(result.Failures);
    }

    [Theory]
    [InlineData("shanxi", "[Y 九1]", "[Y 九3]", "[Y 四1]")]
    [InlineData("ningxia", "[N§6(三)]", "[N§5]", "[N§5]")]
    public void StrictLevelQuotaUsedAndAFourthAdultAreAllReported(string province, string strict, string quota, string count)
    {
        var request = Request(Adult(), Adult("father", 65), Adult("mother", 63), Adult("brother", 35));

        var result = Evaluate(province, Inmate(province, "strict"), Used(1), request);

        Assert.False(result.Eligible);
        Assert.Equal(
            new[] { (RuleCodes.TooManyVisitors, count), (RuleCodes.ManagementLevelSuspended, strict), (RuleCodes.MonthlyQuotaUsed, quota) }.Order(),
            result.Failures.Select(f => (f.Code, f.Source)).Order());
    }

    [Fact]
    public void EveryKindOfFailureAtOnce()
    {
        var inmate = Inmate("shanxi", "strict", crime: "duty_crime", statuses: new StatusPeriod(StatusKinds.Confinement, D("2026-03-01"), null, ""));
        var request = new VisitRequest(
            March,
            VisitDay,
            D("2026-03-15"),
            [
                Adult("grandfather", 70) with { Bars = [new VisitorBar(D("2026-03-01"), null, "扰乱会见秩序")] },
                Adult("cousin"),
                new Visitor("father", 60, false, [DocumentKinds.ResidentId], []),
                Adult("mother"),
                Child(8),
            ],
            false);

        var codes = Evaluate("shanxi", inmate, Used(1), request).Codes().ToHashSet();

        Assert.Equal(
            new[]
            {
                RuleCodes.RelationNotInScope, RuleCodes.RelationRestrictedByCrime, RuleCodes.TooManyVisitors,
                RuleCodes.ChildWithoutGuardian, RuleCodes.RelationshipProofMissing, RuleCodes.RequiredDocumentMissing,
                RuleCodes.ManagementLevelSuspended, "SUSPENDED_CONFINEMENT", RuleCodes.MonthlyQuotaUsed,
                RuleCodes.VisitorBarred, RuleCodes.AdvanceNoticeTooShort,
            }.Order(),
            codes.Order());
    }

    [Fact]
    public void TheClerkChecksNeedNoInmateAndCatchTheCounterProblems()
    {
        var request = Request(Adult("grandfather", 70), Adult(), Adult("father", 60), Adult("mother", 58), Child(6));

        var shanxi = ClerkChecks.Evaluate(ShippedPolicies.Shanxi, request);
        var ningxia = ClerkChecks.Evaluate(ShippedPolicies.Ningxia, request);

        Assert.Equal([RuleCodes.TooManyVisitors, RuleCodes.ChildWithoutGuardian], shanxi.Codes());
        Assert.Equal([RuleCodes.RelationNotInScope, RuleCodes.TooManyVisitors, RuleCodes.ChildWithoutGuardian], ningxia.Codes());
    }

    [Fact]
    public void TheClerkDoesNotSeeInmateRules()
    {
        var request = Request() with { SubmittedOn = VisitDay };

        Assert.True(ClerkChecks.Evaluate(ShippedPolicies.Shanxi, request).Eligible);
        Assert.False(Evaluate("shanxi", Inmate("shanxi", "strict"), request: request).Eligible);
    }

    [Fact]
    public void TheEngineRunsEveryClerkRuleToo()
    {
        Assert.All(ClerkChecks.Rules, rule => Assert.Contains(rule, EligibilityEngine.Rules));
        Assert.Equal(12, EligibilityEngine.Rules.Count);
        Assert.Equal(EligibilityEngine.Rules.Count, EligibilityEngine.Rules.Select(r => r.GetType()).Distinct().Count());
    }

    [Fact]
    public void MessagesAreChineseAndEveryFailureCitesItsSource()
    {
        var request = Request(Adult("cousin"), new Visitor("spouse", 30, false, [], []));

        var result = Evaluate("ningxia", Inmate("ningxia", "strict", statuses: new StatusPeriod(StatusKinds.Other, D("2026-01-01"), null, "")), Used(1), request);

        Assert.True(result.Failures.Count >= 6);
        Assert.All(result.Failures, f =>
        {
            Assert.Matches(@"^[A-Z_]+$", f.Code);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", f.Message);
            Assert.DoesNotContain("_", f.Message, StringComparison.Ordinal);
            Assert.NotEmpty(f.Source);
        });
    }

    [Fact]
    public void ThePrisonDoesNotJudgeTheCountersChecksAgain()
    {
        var noDocuments = Request(new Visitor("spouse", 40, false, [], [])) with { SubmittedOn = Submitted };

        Assert.False(Evaluate("shanxi", request: noDocuments).Eligible);
        Assert.True(EligibilityEngine.EvaluatePrisonRules(ShippedPolicies.Shanxi, Inmate("shanxi"), QuotaLedger.Empty, noDocuments).Eligible);
        Assert.Equal([RuleCodes.ManagementLevelSuspended],
            EligibilityEngine.EvaluatePrisonRules(ShippedPolicies.Shanxi, Inmate("shanxi", "strict"), QuotaLedger.Empty, noDocuments).Codes());
        Assert.DoesNotContain(EligibilityEngine.PrisonRules, rule => rule is IClerkRule);
    }
}
