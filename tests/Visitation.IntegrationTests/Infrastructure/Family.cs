using System.Globalization;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;
using Visitation.Rules.Identity;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// Test data for one family: valid resident ID numbers (real check characters) and a phone number
/// of their own, so each test finds exactly its own SMS at the gateway.
/// </summary>
public sealed class Family
{
    private static int _counter;
    private readonly TestClock _clock;

    public Family(TestClock clock)
    {
        _clock = clock;
        var n = Interlocked.Increment(ref _counter) + Random.Shared.Next(0, 9000) * 100;
        Phone = string.Create(CultureInfo.InvariantCulture, $"139{n % 100_000_000:D8}");
        Seed = n;
    }

    public string Phone { get; }

    private int Seed { get; }

    public static string IdNumber(DateOnly birth, int serial) =>
        ResidentIdNumber.WithCheckCharacter(string.Create(CultureInfo.InvariantCulture, $"140881{birth:yyyyMMdd}{serial % 1000:D3}"));

    public VisitorInput Adult(string name, Relation relation, bool contact = false) => new()
    {
        Name = name,
        IdNumber = IdNumber(new DateOnly(1975, 3, 14), Seed + Interlocked.Increment(ref _counter)),
        Phone = Phone,
        Relation = relation,
        IsContact = contact,
        Documents = { DocumentKind.ResidentId, DocumentKind.HouseholdRegister, DocumentKind.RecentPhoto },
    };

    /// <summary>The month of a visit that clears the 10-day advance rule whatever the test clock's today is.</summary>
    public static string NextVisitMonth(TestClock clock)
    {
        var earliest = clock.ChinaToday.AddDays(11);
        return earliest.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    public SubmitApplicationRequest Application(string inmateName, string area = "3") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Inmate = new InmateAsKnown { Name = inmateName, PrisonId = Orgs.Prison, PrisonArea = area },
        Visitors = { Adult("王秀英", Relation.Mother, contact: true) },
        VisitMonth = NextVisitMonth(_clock),
        VenueId = Orgs.Venue,
    };
}
