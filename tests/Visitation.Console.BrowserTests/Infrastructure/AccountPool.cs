using System.Collections.Concurrent;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// The run's staff accounts, seeded into the identity service as it starts: a few per role and
/// organisation, each handed to one test. The identity service refuses an authenticator code twice,
/// so an account signs in once in a run; a test asks for a fresh one rather than sharing.
/// </summary>
internal sealed class AccountPool
{
    /// <summary>
    /// Every role at the places the tests work in, with as many accounts as the tests take there (each is a
    /// password hash the identity service computes before it listens); the second of a kind is "another organisation".
    /// </summary>
    private static readonly (string Role, string Organisation, int Accounts)[] Places =
    [
        ("clerk", Orgs.Office, 14), ("clerk", Orgs.OtherOfficeOfCounty, 3), ("clerk", Orgs.OfficeOfOtherCounty, 3),
        ("reviewer", Orgs.Bureau, 10), ("reviewer", Orgs.OtherBureau, 2),
        ("officer", Orgs.Prison, 10), ("director", Orgs.Prison, 2),
        ("venue", Orgs.Venue, 4), ("venue", Orgs.OtherVenue, 2),
        ("operator", Orgs.Province, 2), ("system-admin", Orgs.Province, 3), ("system-admin", Orgs.Bureau, 3),
        ("security-admin", Orgs.Province, 2), ("audit-admin", Orgs.Province, 3),
    ];

    /// <summary>Accounts allowed several sites (the organisation switch): role, own organisation, the other sites.</summary>
    private static readonly (string Role, string Organisation, string[] Sites, int Accounts)[] MultiSite =
    [
        ("clerk", Orgs.Office, [Orgs.OtherOfficeOfCounty], 2),
    ];

    private readonly ConcurrentDictionary<(string, string), ConcurrentQueue<StaffAccount>> _unused = new();

    private readonly ConcurrentDictionary<(string, string), ConcurrentQueue<StaffAccount>> _withSites = new();

    public AccountPool()
        : this(Places)
    {
        foreach (var (role, organisation, sites, count) in MultiSite)
        {
            for (var n = 1; n <= count; n++)
            {
                var account = StaffAccount.Make($"bt-{role}-{organisation}-sites-{n}", role, organisation) with { Sites = sites };
                _withSites.GetOrAdd((role, organisation), _ => new ConcurrentQueue<StaffAccount>()).Enqueue(account);
                All.Add(account);
            }
        }
    }

    /// <summary>An account of <paramref name="role"/> at <paramref name="organisation"/> also allowed other sites.</summary>
    public StaffAccount TakeWithSites(string role, string organisation) =>
        _withSites.TryGetValue((role, organisation), out var accounts) && accounts.TryDequeue(out var account)
            ? account
            : throw new InvalidOperationException($"No unused {role} at {organisation} with other sites: add one to {nameof(AccountPool)}.MultiSite.");

    /// <summary>A pool of only these places: a system a test class starts for itself seeds (a password hash each) no more than it uses.</summary>
    public AccountPool(IReadOnlyList<(string Role, string Organisation)> places, int perPlace)
        : this([.. places.Select(place => (place.Role, place.Organisation, perPlace))])
    {
    }

    private AccountPool(IReadOnlyList<(string Role, string Organisation, int Accounts)> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        foreach (var (role, organisation, count) in places)
        {
            var accounts = Enumerable.Range(1, count).Select(n => StaffAccount.Make($"bt-{role}-{organisation}-{n}", role, organisation));
            _unused[(role, organisation)] = new ConcurrentQueue<StaffAccount>(accounts);
            All.AddRange(_unused[(role, organisation)]);
        }
    }

    public List<StaffAccount> All { get; } = [];

    /// <summary>An account of <paramref name="role"/> at <paramref name="organisation"/> no test has had yet.</summary>
    public StaffAccount Take(string role, string organisation) =>
        _unused.TryGetValue((role, organisation), out var accounts)
            ? accounts.TryDequeue(out var account)
                ? account
                : throw new InvalidOperationException($"Every {role} account at {organisation} has been used: raise its count in {nameof(AccountPool)}.Places.")
            : throw new ArgumentException($"The run seeds no {role} at {organisation}: add it to {nameof(AccountPool)}.Places.", nameof(role));
}

/// <summary>The organisations of the shipped reference data (deploy/reference-data/organisations.json) the tests work in.</summary>
internal static class Orgs
{
    public const string Province = "shanxi";
    public const string Bureau = "yongji-bureau";
    public const string OtherBureau = "yanhu-bureau";
    public const string Office = "yongji-chengxi-office";
    public const string OtherOfficeOfCounty = "yongji-chengdong-office";
    public const string OfficeOfOtherCounty = "yanhu-beicheng-office";
    public const string Prison = "yongji-prison";
    public const string Venue = "yongji-venue";
    public const string OtherVenue = "yanhu-venue";
}
