using CsCheck;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.IntegrationTests.Security;
using Visitation.ServiceDefaults.Auth;
using Visitation.ServiceDefaults.Grpc.Hygiene;
using Visitation.Workflow.Access;

namespace Visitation.IntegrationTests.Hygiene;

/// <summary>
/// Generated hostile values (CsCheck) at every RPC of every service, read from the protos'
/// descriptors, through the running services, as a role the policy table allows with its own
/// organisation's records: each is INVALID_ARGUMENT with a small reply, never UNKNOWN or INTERNAL,
/// and not one row of any service database names the caller afterwards.
/// </summary>
public sealed class HostileInputTests(VisitationSystem system)
{
    /// <summary>Cases per RPC: enough to reach each of its places over a few runs, few enough for a 2-core CI.</summary>
    private const int CasesPerCall = 20;

    /// <summary>Far above any refusal the rule set makes (under 2 KB), far below a reply that repeats a 100 KB value.</summary>
    private const int MaxRefusalText = 8 * 1024;

    [Fact]
    public async Task EveryCallRefusesGeneratedHostileValuesAsInvalidArgumentWithASmallReplyAndStoresNothing()
    {
        var records = await AccessRecords.OfAsync(system);
        system.Clock.StartAt(TestDates.ApplicationDay);
        var user = $"hostile-{Guid.NewGuid():N}";
        var failures = new List<string>();
        // A request without fields (CountFamiliesNotReached) has nothing to make hostile.
        foreach (var method in Rpcs.All.Where(m => m.InputType.Fields.InDeclarationOrder().Count > 0))
        {
            var (role, request) = ValidCall(method, records);
            var token = VisitationSystem.Token(role, AccessMatrixTests.OwnOrganisation(role), user);
            try
            {
                await HostileValues.For(method.InputType, system.Clock.ChinaToday).SampleAsync(async mutation =>
                {
                    var hostile = HostileValues.Copy(request);
                    mutation.Apply(hostile);
                    var outcome = await Rpcs.CallAsync(system, method, token, hostile);
                    Assert.True(outcome.Code == StatusCode.InvalidArgument && outcome.Text.Length < MaxRefusalText,
                        $"{outcome.Code}, {outcome.Text.Length} characters: {outcome.Text[..Math.Min(300, outcome.Text.Length)]}");
                }, iter: CasesPerCall, threads: 1);
            }
            catch (Exception failed) when (failed is CsCheckException or Xunit.Sdk.XunitException)
            {
                failures.Add($"{Rpcs.FullName(method)} as {role}: {failed.Message}");
            }
        }

        Assert.True(failures.Count == 0, "Hostile input not refused cleanly:\n" + string.Join('\n', failures));
        Assert.Equal(0, await CallerRows.CountAsync(system, user));
    }

    [Fact]
    public async Task TheRowCountThatProvesNothingStoredSeesACallersOwnRows()
    {
        system.Clock.StartAt(TestDates.ApplicationDay);
        var user = $"hostile-control-{Guid.NewGuid():N}";
        var family = new Family(system.Clock);

        await system.Applications(VisitationSystem.Token(Roles.Clerk, Orgs.Office, user)).SubmitApplicationAsync(family.Application("对照" + family.Phone[^4..]));

        Assert.True(await CallerRows.CountAsync(system, user) > 0, "a filed application's rows name its clerk");
    }

    [Fact]
    public async Task EveryProbesValidRequestPassesTheRuleSetUnchanged()
    {
        var records = await AccessRecords.OfAsync(system);
        var refused = new List<string>();
        foreach (var method in Rpcs.All)
        {
            var (_, request) = ValidCall(method, records);
            var checkedCopy = HostileValues.Copy(request);
            var violations = RequestHygiene.Check(checkedCopy, system.Clock.ChinaToday);
            if (violations.Count > 0 || !checkedCopy.Equals(request))
            {
                refused.Add($"{Rpcs.FullName(method)}: {string.Join(", ", violations.Select(v => $"{v.Field} {v.Reason}"))}");
            }
        }

        Assert.True(refused.Count == 0, "Valid requests refused or changed:\n" + string.Join('\n', refused));
    }

    /// <summary>The first role the table allows on the RPC, and the access tests' valid request naming that role's own record.</summary>
    private static (string Role, Google.Protobuf.IMessage Request) ValidCall(MethodDescriptor method, AccessRecords records)
    {
        var row = AccessPolicyTable.ByFullName[Rpcs.FullName(method)];
        var role = Roles.All.First(row.Roles.ContainsKey);
        var probe = AccessProbes.For(method);
        return (role, probe.Request(records, probe.Own?.Invoke(records, role) ?? string.Empty));
    }
}
