using Visitation.Rules.Eligibility;
using Xunit;
using static Visitation.Rules.Tests.Eligibility.Build;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

/// <summary>
/// The 12- and 14-year limits are judged on the visit day, not on the submission day (issue 14); while the
/// day is not fixed, on the reading that holds for every day of the month (<see cref="VisitAges"/>).
/// Submitted 1 March 2026; March's visit, on the 21st when the day is known.
/// </summary>
public sealed class VisitDayAgeTests
{
    [Theory]
    // Three adults (one the guardian) and a child born on the given day; the visit on 21 March or "" (month only).
    // Ningxia counts from 12 [N§5]: 12 on 2026-03-10 (between submission and visit): counted on the 21st.
    [InlineData("ningxia", "2014-03-10", "2026-03-21", false)]
    // 12 on the 25th, after the visit day: still 11 on the 21st, not counted.
    [InlineData("ningxia", "2014-03-25", "2026-03-21", true)]
    // 11 on submission day and on the visit day: not counted.
    [InlineData("ningxia", "2014-04-01", "2026-03-21", true)]
    // Month only: 12 on some day of March (the 25th): the cautious reading counts the child.
    [InlineData("ningxia", "2014-03-25", "", false)]
    [InlineData("ningxia", "2014-04-01", "", true)]
    // Shanxi counts from 14 [Y 四1]: 14 on the 10th, between submission and visit: counted.
    [InlineData("shanxi", "2012-03-10", "2026-03-21", false)]
    [InlineData("shanxi", "2012-03-25", "2026-03-21", true)]
    public void AChildIsCountedByTheirAgeOnTheVisitDay(string province, string born, string visitDay, bool allowed)
    {
        var request = Request(Adult("spouse", guardian: true), Adult("father", 65), Adult("mother", 63), Born(born)) with { VisitDate = Day(visitDay) };

        var result = Evaluate(province, request: request);

        Assert.Equal(allowed, result.Eligible);
        if (!allowed)
            Assert.Equal(RuleCodes.TooManyVisitors, Assert.Single(result.Failures).Code);
    }

    [Theory]
    // An adult (not the guardian) and a child born on the given day; a guardian is needed under 14 ([Y 五(四)]).
    // 14 on the 10th, between submission and visit: no guardian needed on the 21st.
    [InlineData("shanxi", "2012-03-10", "2026-03-21", true)]
    // 14 on the 25th: still 13 on the visit day.
    [InlineData("shanxi", "2012-03-25", "2026-03-21", false)]
    // Month only: 13 on the first days of March: the guardian is needed.
    [InlineData("shanxi", "2012-03-10", "", false)]
    [InlineData("shanxi", "2012-02-28", "", true)]
    [InlineData("ningxia", "2012-03-10", "2026-03-21", true)]
    public void AChildNeedsAGuardianByTheirAgeOnTheVisitDay(string province, string born, string visitDay, bool allowed)
    {
        var request = Request(Adult("spouse"), Born(born, "daughter")) with { VisitDate = Day(visitDay) };

        var result = Evaluate(province, request: request);

        Assert.Equal(allowed, result.Eligible);
        if (!allowed)
            Assert.Equal(RuleCodes.ChildWithoutGuardian, Assert.Single(result.Failures).Code);
    }

    [Theory]
    // The guardian must be an adult on the visit day: 18 on the 10th (17 on submission) guards on the 21st.
    [InlineData("2008-03-10", "2026-03-21", true)]
    [InlineData("2008-03-25", "2026-03-21", false)]
    [InlineData("2008-03-10", "", false)]
    public void TheGuardianIsJudgedAdultOnTheVisitDay(string guardianBorn, string visitDay, bool allowed)
    {
        var guardian = new Visitor("sister", 17, true, AdultDocuments, [], D(guardianBorn));
        var request = Request(Adult("spouse"), guardian, Born("2020-01-01", "daughter")) with { VisitDate = Day(visitDay) };

        Assert.Equal(allowed, Evaluate("shanxi", request: request).Eligible);
    }

    [Theory]
    [InlineData("2014-03-10", "2026-03-09", 11)]
    [InlineData("2014-03-10", "2026-03-10", 12)]
    [InlineData("2012-02-29", "2026-02-27", 13)] // born on 29 February: 28 February stands in for it (Civil Code art. 202)
    [InlineData("2012-02-29", "2026-02-28", 14)]
    public void AgeOnCountsFullYearsFromTheBirthDate(string born, string day, int age) =>
        Assert.Equal(age, Born(born).AgeOn(D(day)));

    [Fact]
    public void WithoutABirthDateTheGivenAgeStandsForEveryDay() =>
        Assert.Equal(11, Child(11).AgeOn(D("2030-01-01")));

    // The age the counter computes on submission day (1 March) stands beside the birth date, as the counter gives both.
    private static Visitor Born(string born, string relation = "son") =>
        new(relation, Visitation.Rules.Identity.ResidentIdNumber.AgeOn(D(born), Submitted), false, [Visitation.Rules.Eligibility.DocumentKinds.HouseholdRegister], [], D(born));

    private static DateOnly? Day(string day) => day.Length == 0 ? null : D(day);
}
