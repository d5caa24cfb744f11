using System.Globalization;
using Visitation.Benchmarks.Province;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.Identity;

namespace Visitation.Benchmarks.Load;

/// <summary>
/// The generated family of application number <c>index</c>: its own inmate (so no month's quota is
/// shared), phone and visitor ID number, filed at an office of one county for a prison of the province,
/// spread evenly over the organisations and over three visit months. Deterministic: the same index
/// always gives the same family; each run has fresh databases.
/// </summary>
public sealed record BenchFamily(string Phone, string InmateNumber, string InmateName, string VisitorName, string VisitorId,
    BenchPrison Prison, string Area, BenchCounty County, string Office, string VisitMonth)
{
    private const string Surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗";
    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平";
    private const int VisitMonths = 3;

    public static BenchFamily Of(int index, GeneratedProvince province, DateOnly chinaToday)
    {
        ArgumentNullException.ThrowIfNull(province);
        var prison = province.Prisons[index % province.Prisons.Count];
        var county = province.Counties[index % province.Counties.Count];
        // A female visitor (even sequence digit) born on one of 500 days' worth of dates per 500 families.
        var birth = new DateOnly(1960, 1, 1).AddDays(index / 500);
        var visitorId = ResidentIdNumber.WithCheckCharacter(string.Create(CultureInfo.InvariantCulture, $"140881{birth:yyyyMMdd}{index % 500 * 2:D3}"));
        // The 10-day advance rule: the month after the one 11 days ahead is always open, and the two after it.
        var month = chinaToday.AddDays(11).AddMonths(1 + (index / province.Prisons.Count % VisitMonths));
        return new BenchFamily(
            string.Create(CultureInfo.InvariantCulture, $"139{10_000_000 + index:D8}"),
            string.Create(CultureInfo.InvariantCulture, $"BM{index:D7}"),
            Name(index),
            Name(index + 7),
            visitorId,
            prison,
            prison.Areas[index / province.Prisons.Count % prison.Areas.Count],
            county,
            county.Offices[index / province.Counties.Count % county.Offices.Count],
            month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    public InmateRecord Register() => new() { InmateNumber = InmateNumber, Name = InmateName, PrisonArea = Area, ManagementLevel = ManagementLevel.Normal };

    public SubmitApplicationRequest Application() => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Inmate = new InmateAsKnown { Name = InmateName, PrisonId = Prison.Id, PrisonArea = Area },
        Visitors =
        {
            new VisitorInput
            {
                Name = VisitorName, IdNumber = VisitorId, Phone = Phone, Relation = Relation.Mother, IsContact = true,
                Documents = { DocumentKind.ResidentId, DocumentKind.HouseholdRegister, DocumentKind.RecentPhoto },
            },
        },
        VisitMonth = VisitMonth,
        VenueId = County.VenueId,
    };

    private static string Name(int n) =>
        new([Surnames[n % Surnames.Length], Given[n / Surnames.Length % Given.Length], Given[n / (Surnames.Length * Given.Length) % Given.Length]]);
}
