using System.Globalization;
using Visitation.Contracts.Grpc;
using Visitation.Contracts.Grpc.Application;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// Test data for one family: a phone number and an inmate number no other family of the run has (so
/// each test finds exactly its own SMS at the gateway and its own inmate), and visitors whose resident
/// ID numbers (real check characters) no other visitor of the run has: a bar or a register entry one
/// test leaves on an ID number never falls on another test's visitor, whatever order they run in.
/// </summary>
public sealed class Family
{
    // The last six digits of the run's phones walk through all 10^6 values from a random start, in a
    // step prime to 10: no two families share them, nor their last four among 10,000 in a row.
    private const int PhoneStep = 7919;
    private static readonly int PhoneStart = Random.Shared.Next(1_000_000);
    private static int _families;
    private readonly TestClock _clock;

    public Family(TestClock clock)
    {
        _clock = clock;
        var tail = (PhoneStart + (long)Interlocked.Increment(ref _families) * PhoneStep) % 1_000_000;
        Phone = string.Create(CultureInfo.InvariantCulture, $"139{Random.Shared.Next(100):D2}{tail:D6}");
    }

    public string Phone { get; }

    /// <summary>The number under which a test imports this family's inmate into the prison's register.</summary>
    public string InmateNumber => "YJ" + Phone[^6..];

    /// <summary>
    /// A fixed ID number, for a test that writes an event by hand and needs no other visitor to have
    /// it; tests that act through the APIs draw theirs from <see cref="ResidentIds"/>.
    /// </summary>
    public static string IdNumber(DateOnly birth, int serial) => ResidentIds.Of("140881", birth, serial);

    /// <summary>An adult visitor: born on a random day between 1950 and 1999, with an ID number of their own.</summary>
    public VisitorInput Adult(string name, Relation relation, bool contact = false) => new()
    {
        Name = name,
        IdNumber = ResidentIds.Next(),
        Phone = Phone,
        Relation = relation,
        IsContact = contact,
        Documents = { DocumentKind.ResidentId, DocumentKind.HouseholdRegister, DocumentKind.RecentPhoto },
    };

    /// <summary>The month of a visit that clears the 10-day advance rule on the test clock's today.</summary>
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
