namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>Organisations from the shipped reference data (deploy/reference-data/organisations.json), and the test run's second prison.</summary>
public static class Orgs
{
    public const string Office = "yongji-chengxi-office";
    public const string OtherOffice = "yanhu-beicheng-office";
    public const string County = "yongji-bureau";
    public const string OtherCounty = "yanhu-bureau";
    public const string Prison = "yongji-prison";
    public const string Venue = "yongji-venue";
    public const string OtherVenue = "yanhu-venue";
    public const string Province = "shanxi";
    public const string OtherProvince = "ningxia";

    /// <summary>Ningxia's example organisations (shipped, marked 示例): a county with its office and venue, a prison and a juvenile institution.</summary>
    public const string NingxiaCounty = "ningxia-example-county";
    public const string NingxiaOffice = "ningxia-example-office";
    public const string NingxiaVenue = "ningxia-example-venue";
    public const string NingxiaPrison = "ningxia-example-prison";
    public const string NingxiaJuvenilePrison = "ningxia-example-juvenile";

    /// <summary>Not shipped: the test run's reference data adds it (VisitationSystem), as a copy of Yongji's prison.</summary>
    public const string OtherPrison = "test-other-prison";

    /// <summary>Not shipped: another copy of Yongji's prison, with the no-show option on in its policy (VisitationSystem).</summary>
    public const string NoShowPrison = "test-no-show-prison";

    /// <summary>Not shipped: another copy of Yongji's prison, with an area 12 that meets on area 6's days (VisitationSystem).</summary>
    public const string SharedDaysPrison = "test-shared-days-prison";
}
