using Visitation.Rules.Eligibility;
using static Visitation.Rules.Tests.TestDates;

namespace Visitation.Rules.Tests.Eligibility;

/// <summary>
/// Test data builders. The defaults make a request that passes every rule in both provinces, so a
/// test changes one thing and any failure is that thing's.
/// </summary>
internal static class Build
{
    public static readonly VisitMonth March = new(2026, 3);
    public static readonly DateOnly VisitDay = D("2026-03-21");
    public static readonly DateOnly Submitted = D("2026-03-01");

    /// <summary>Every document either province asks of an adult.</summary>
    public static readonly string[] AdultDocuments =
        [DocumentKinds.ResidentId, DocumentKinds.HouseholdRegister, DocumentKinds.RecentPhoto, DocumentKinds.RealPersonVerification];

    public static Visitor Adult(string relation = "spouse", int age = 40, bool guardian = false) =>
        new(relation, age, guardian, AdultDocuments, []);

    public static Visitor Child(int age, string relation = "son") =>
        new(relation, age, false, [DocumentKinds.HouseholdRegister], []);

    public static InmateState Inmate(
        string province,
        string level = "normal",
        bool juvenile = false,
        string crime = "other",
        params StatusPeriod[] statuses) =>
        new(province, province == "shanxi" ? "yongji" : "ningxia-1", level, juvenile, [crime], statuses);

    public static VisitRequest Request(params Visitor[] visitors) =>
        new(March, VisitDay, Submitted, visitors.Length == 0 ? [Adult()] : visitors, false);

    public static QuotaLedger Used(int held) =>
        new([.. Enumerable.Range(0, held).Select(i => new CountedVisit(D("2026-03-02").AddDays(i), "video", CountedVisit.Held))], []);

    public static EligibilityResult Evaluate(
        string province,
        InmateState? inmate = null,
        QuotaLedger? ledger = null,
        VisitRequest? request = null) =>
        EligibilityEngine.Evaluate(
            ShippedPolicies.Of(province),
            inmate ?? Inmate(province),
            ledger ?? QuotaLedger.Empty,
            request ?? Request());

    public static IEnumerable<string> Codes(this EligibilityResult result) => result.Failures.Select(f => f.Code);
}
