namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>Organisations from the shipped reference data (deploy/reference-data/organisations.json).</summary>
public static class Orgs
{
    public const string Office = "yongji-chengxi-office";
    public const string OtherOffice = "yanhu-beicheng-office";
    public const string County = "yongji-bureau";
    public const string OtherCounty = "yanhu-bureau";
    public const string Prison = "yongji-prison";
    public const string Venue = "yongji-venue";
}
