using System.Collections.Concurrent;

namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// The run's staff accounts, seeded into the identity service as it starts: a few per role and
/// organisation, each handed to one test. The identity service refuses an authenticator code twice,
/// so an account signs in once in a run; a test asks for a fresh one rather than sharing.
/// </summary>
internal sealed class AccountPool
{
    private const int PerPlace = 4;

    /// <summary>Every role at the places the tests work in; the second of a kind is "another organisation".</summary>
    private static readonly (string Role, string Organisation)[] Places =
    [
        ("clerk", Orgs.Office), ("clerk", Orgs.OtherOfficeOfCounty), ("clerk", Orgs.OfficeOfOtherCounty),
        ("reviewer", Orgs.Bureau), ("reviewer", Orgs.OtherBureau),
        ("officer", Orgs.Prison), ("director", Orgs.Prison),
        ("venue", Orgs.Venue), ("venue", Orgs.OtherVenue),
        ("operator", Orgs.Province), ("system-admin", Orgs.Province), ("system-admin", Orgs.Bureau),
        ("security-admin", Orgs.Province), ("audit-admin", Orgs.Province),
    ];

    private readonly ConcurrentDictionary<(string, string), ConcurrentQueue<StaffAccount>> _unused = new();

    public AccountPool()
    {
        foreach (var (role, organisation) in Places)
        {
            var accounts = Enumerable.Range(1, PerPlace).Select(n => StaffAccount.Make($"bt-{role}-{organisation}-{n}", role, organisation));
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
                : throw new InvalidOperationException($"Every {role} account at {organisation} has been used: raise {nameof(AccountPool)}.PerPlace.")
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
