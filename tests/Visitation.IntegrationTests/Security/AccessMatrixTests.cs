using Grpc.Core;
using Google.Protobuf.Reflection;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using Visitation.Workflow.Access;

namespace Visitation.IntegrationTests.Security;

/// <summary>
/// The policy table, proved on the running system: every RPC of every service (read from the protos'
/// descriptors) × every role, with a record of the caller's own organisation and one of another.
/// A role the table does not list is refused; an allowed role reaches its own organisation's record;
/// another organisation's record is answered exactly as an id nobody has; a token whose organisation
/// is unknown, or of the wrong kind for its role, is refused on every call.
/// </summary>
public sealed class AccessMatrixTests(VisitationSystem system)
{
    private const string UnknownOrganisation = "no-such-organisation";

    [Fact]
    public async Task ARoleTheTableDoesNotAllowIsRefusedOnEveryRpc()
    {
        var records = await RecordsAsync();
        var failures = new List<string>();
        foreach (var (method, probe, role) in Cases(allowed: false))
        {
            var outcome = await CallAsync(method, Token(role, OwnOrganisation(role)), probe, records, role);
            if (outcome.Code != StatusCode.PermissionDenied)
            {
                failures.Add($"{method.FullName} as {role}: {outcome}");
            }
        }

        Assert.True(failures.Count == 0, "Not refused:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task AnAllowedRoleReachesItsOwnOrganisationsRecordOnEveryRpc()
    {
        var records = await RecordsAsync();
        var failures = new List<string>();
        foreach (var (method, probe, role) in Cases(allowed: true))
        {
            var outcome = await CallAsync(method, Token(role, OwnOrganisation(role)), probe, records, role);
            if (outcome.Code is StatusCode.PermissionDenied or StatusCode.NotFound or StatusCode.Unauthenticated)
            {
                failures.Add($"{method.FullName} as {role}: {outcome}");
            }
        }

        Assert.True(failures.Count == 0, "Denied its own organisation's record:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task AnotherOrganisationsRecordIsAnsweredExactlyAsAnUnknownIdOnEveryRpc()
    {
        var records = await RecordsAsync();
        var failures = new List<string>();
        foreach (var (method, probe, role) in Cases(allowed: true).Where(c => c.Probe.IsTargeted))
        {
            var stranger = Token(role, OtherOrganisation(role));
            var id = probe.Own!(records, role);
            var unknownId = probe.Unknown();
            var other = (await Rpcs.CallAsync(system, method, stranger, probe.Request(records, id))).WithoutId(id);
            var unknown = (await Rpcs.CallAsync(system, method, stranger, probe.Request(records, unknownId))).WithoutId(unknownId);
            if (other != unknown || other.Code != StatusCode.NotFound)
            {
                failures.Add($"{method.FullName} as {role} of {OtherOrganisation(role)}:\n  another's: {other}\n  unknown:   {unknown}");
            }
        }

        Assert.True(failures.Count == 0, "Another organisation's record told apart from an unknown id:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task AReplyToAnotherOrganisationHoldsNoneOfThisOnesRecords()
    {
        var records = await RecordsAsync();
        var failures = new List<string>();
        foreach (var (method, probe, role) in Cases(allowed: true).Where(c => !c.Probe.IsTargeted))
        {
            var outcome = await CallAsync(method, Token(role, OtherOrganisation(role)), probe, records, role);
            var leaked = records.Ids.Where(id => outcome.Text.Contains(id, StringComparison.Ordinal)).ToList();
            if (outcome.Code == StatusCode.PermissionDenied || leaked.Count > 0)
            {
                failures.Add($"{method.FullName} as {role} of {OtherOrganisation(role)}: {outcome} (shows {string.Join(", ", leaked)})");
            }
        }

        Assert.True(failures.Count == 0, "Another organisation's call refused or shown this one's records:\n" + string.Join('\n', failures));
    }

    [Fact]
    public async Task ATokenForAnOrganisationNotInTheReferenceDataIsRefusedAlikeOnEveryRpc()
    {
        var records = await RecordsAsync();
        var outcomes = new List<(string Call, Outcome Outcome)>();
        foreach (var method in Rpcs.All)
        {
            foreach (var role in Roles.All)
            {
                var probe = AccessProbes.For(method);
                outcomes.Add(($"{Rpcs.FullName(method)} as {role}", await CallAsync(method, Token(role, UnknownOrganisation), probe, records, role)));
            }
        }

        var answers = outcomes.GroupBy(o => o.Outcome).ToList();
        Assert.True(answers.Count == 1 && answers[0].Key.Code == StatusCode.PermissionDenied,
            "Answered otherwise or not alike:\n" + string.Join('\n', answers.Select(a => $"{a.Key} ← {string.Join(", ", a.Take(3).Select(o => o.Call))}")));
    }

    [Fact]
    public async Task ATokenWhoseOrganisationIsOfAKindItsRoleCannotBelongToIsRefusedOnEveryRpc()
    {
        var records = await RecordsAsync();
        var misplaced = new Dictionary<string, string>
        {
            [Roles.Clerk] = Orgs.Prison,
            [Roles.Reviewer] = Orgs.Office,
            [Roles.Officer] = Orgs.Venue,
            [Roles.VenueStaff] = Orgs.County,
            [Roles.Director] = Orgs.Venue,
            [Roles.Operator] = Orgs.County,
        };
        var failures = new List<string>();
        foreach (var method in Rpcs.All)
        {
            foreach (var (role, organisation) in misplaced)
            {
                var outcome = await CallAsync(method, Token(role, organisation), AccessProbes.For(method), records, role);
                if (outcome.Code != StatusCode.PermissionDenied)
                {
                    failures.Add($"{Rpcs.FullName(method)} as {role} of {organisation}: {outcome}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Not refused:\n" + string.Join('\n', failures));
    }

    private async Task<AccessRecords> RecordsAsync()
    {
        var records = await AccessRecords.OfAsync(system);
        system.Clock.StartAt(TestDates.ApplicationDay);
        return records;
    }

    /// <summary>Every RPC with every role the table allows on it, or every role it does not.</summary>
    private static IEnumerable<(MethodDescriptor Method, AccessProbe Probe, string Role)> Cases(bool allowed) =>
        from method in Rpcs.All
        let probe = AccessProbes.For(method)
        let row = AccessPolicyTable.ByFullName.GetValueOrDefault(Rpcs.FullName(method))
        from role in Roles.All
        where (row?.Roles.ContainsKey(role) ?? false) == allowed
        select (method, probe, role);

    private Task<Outcome> CallAsync(MethodDescriptor method, string token, AccessProbe probe, AccessRecords records, string role) =>
        Rpcs.CallAsync(system, method, token, probe.Request(records, probe.Own?.Invoke(records, role) ?? string.Empty));

    private static string Token(string role, string organisation) => VisitationSystem.Token(role, organisation);

    /// <summary>The organisation of the records (Yongji's), in the kind the role belongs to.</summary>
    internal static string OwnOrganisation(string role) => role switch
    {
        Roles.Clerk => Orgs.Office,
        Roles.Officer or Roles.Director => Orgs.Prison,
        Roles.VenueStaff => Orgs.Venue,
        Roles.Operator => Orgs.Province,
        _ => Orgs.County, // reviewers; administrators belong to any organisation
    };

    /// <summary>An organisation of the same kind that holds none of the records.</summary>
    private static string OtherOrganisation(string role) => role switch
    {
        Roles.Clerk => Orgs.OtherOffice,
        Roles.Officer or Roles.Director => Orgs.OtherPrison,
        Roles.VenueStaff => Orgs.OtherVenue,
        Roles.Operator => Orgs.OtherProvince,
        _ => Orgs.OtherCounty,
    };
}
