using System.Globalization;
using System.Security.Cryptography;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Rules.Identity;

namespace Visitation.Console.BrowserTests.PageObjects;

/// <summary>A family at the counter: an inmate name and visitor no other test of the run uses.</summary>
public sealed record Family(string InmateName, string InmateNumber, string VisitorName, string IdNumber, string Phone)
{
    private const string NameCharacters = "明华建国秀英丽娟志强海燕玉兰春梅";

    // The run's families are numbered: two inmates of one name in the prison's register make the
    // officer name the inmate (名册中有同名服刑人员), and three random characters of sixteen met that
    // often enough in a run of sixty families to fail a test.
    private static int _families = RandomNumberGenerator.GetInt32(1 << 16);

    public static Family New()
    {
        var serialOfRun = Interlocked.Increment(ref _families);
        var inmate = "测" + string.Concat(Enumerable.Range(0, 4).Select(digit => NameCharacters[(serialOfRun >> (4 * digit)) & 0xF]));
        var serial = RandomNumberGenerator.GetInt32(1000);
        var birth = new DateOnly(1960, 1, 1).AddDays(RandomNumberGenerator.GetInt32(10_000));
        var id = ResidentIdNumber.WithCheckCharacter(string.Create(CultureInfo.InvariantCulture, $"140881{birth:yyyyMMdd}{serial:D3}"));
        var phone = string.Create(CultureInfo.InvariantCulture, $"139{RandomNumberGenerator.GetInt32(100_000_000):D8}");
        return new Family(inmate, "YJ" + phone[^6..], "王秀英", id, phone);
    }

    /// <summary>The inmate as the prison's register imports them (area 3, normal level), for a test that prepares over gRPC.</summary>
    public ImportInmatesRequest Register() => new()
    {
        Inmates = { new InmateRecord { InmateNumber = InmateNumber, Name = InmateName, PrisonArea = "3", ManagementLevel = ManagementLevel.Normal } },
    };

    /// <summary>The family's application as the counter files it: the mother, the contact, with her documents, for next month at Yongji's venue.</summary>
    public SubmitApplicationRequest Submission() => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Inmate = new InmateAsKnown { Name = InmateName, PrisonId = Orgs.Prison, PrisonArea = "3" },
        Visitors =
        {
            new VisitorInput
            {
                Name = VisitorName, IdNumber = IdNumber, Phone = Phone, Relation = Relation.Mother, IsContact = true,
                Documents = { DocumentKind.ResidentId, DocumentKind.HouseholdRegister, DocumentKind.RecentPhoto },
            },
        },
        VisitMonth = TestDates.VisitMonth,
        VenueId = Orgs.Venue,
    };

    /// <summary>The same ID number with a wrong check character, as a mistyped last digit gives.</summary>
    public string MistypedIdNumber => IdNumber[..17] + (IdNumber[17] == '1' ? '2' : '1');
}
