using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Visitation.Deployment.Tests.Hosts;
using Visitation.Deployment.Tests.Rendering;

namespace Visitation.Deployment.Tests;

/// <summary>
/// Each host's own start-up, run with what its Deployment gives it, says whether the manifests hold
/// every setting and secret its code needs, and only settings its code reads: no hand-kept list of
/// keys that could drift from the code.
/// </summary>
public sealed partial class HostSettingsTests
{
    public static TheoryData<string, string> HostsOfEachOverlay()
    {
        var data = new TheoryData<string, string>();
        foreach (var overlay in new[] { Overlays.Development, Overlays.Production })
        {
            foreach (var host in HostProject.All.Where(host => overlay == Overlays.Development || !host.DevelopmentOnly))
            {
                data.Add(overlay, host.Folder);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Overlays.All), MemberType = typeof(Overlays))]
    public void EveryHostOfTheRepositoryHasItsDeploymentAndNoDeploymentIsOfAnUnknownHost(string overlay)
    {
        var expected = HostProject.All.Where(host => overlay == Overlays.Development || !host.DevelopmentOnly).Select(host => host.Deployment).Order();
        var deployed = Overlays.Render(overlay).Hosts().Select(deployment => deployment.Name()).Order();

        Assert.Equal(expected, deployed);
    }

    [Theory]
    [MemberData(nameof(HostsOfEachOverlay))]
    public void TheHostStartsWithWhatItsDeploymentGivesIt(string overlay, string folder)
    {
        using var host = HostUnderManifest.Build(overlay, new HostProject(folder));

        Assert.Empty(host.Pod.Problems);
        Assert.Null(host.Failure);
        host.ValidateAsAtStart();
    }

    [Theory]
    [MemberData(nameof(HostsOfEachOverlay))]
    public void EverySettingTheDeploymentGivesIsOneTheHostReads(string overlay, string folder)
    {
        using var host = HostUnderManifest.Build(overlay, new HostProject(folder));
        Assert.Null(host.Failure);
        host.ReadSettings();

        var unread = host.Pod.Variables.Keys
            .Where(variable => !host.Pod.Referenced.Contains(variable) && !ReadByTheFramework(variable))
            .Where(variable => !host.Read.Read(HostUnderManifest.SettingKey(variable)));

        Assert.Empty(unread);
    }

    [Theory]
    [MemberData(nameof(HostsOfEachOverlay))]
    public void EveryAddressOrPasswordOfTheHostsAppsettingsIsReplacedByItsDeployment(string overlay, string folder)
    {
        var notReplaced = AppsettingsNotReplaced(Overlays.Render(overlay), new HostProject(folder));

        Assert.Empty(notReplaced);
    }

    [Fact]
    public void AMisspelledSettingIsFoundUnreadAndTheHostRefusesToStartWithoutTheRealOne()
    {
        using var host = HostUnderManifest.Build(Overlays.Production, new HostProject("Application"), rendered =>
        {
            var keyFile = rendered.Named("Deployment", "application").MainContainer().Env().Single(variable => variable.Text("name") == "Protection__KeyFile");
            keyFile["name"] = "Protection__KeyFlie";
        });
        Assert.Null(host.Failure);
        host.ReadSettings();

        Assert.False(host.Read.Read("Protection:KeyFlie"));
        Assert.ThrowsAny<Exception>(host.ValidateAsAtStart);
    }

    [Fact]
    public void ADeploymentWithoutItsConnectionStringIsFoundLeavingTheLoopbackOneOfAppsettings()
    {
        var rendered = Overlays.Render(Overlays.Production);
        var env = (JsonArray)rendered.Named("Deployment", "bureau-review").MainContainer()["env"]!;
        env.Remove(env.Single(variable => variable!.Text("name") == "ConnectionStrings__Database"));

        Assert.Contains("ConnectionStrings:Database", AppsettingsNotReplaced(rendered, new HostProject("BureauReview")));
    }

    /// <summary>
    /// The settings of the host's appsettings.json that only work on a developer's machine (a loopback
    /// address, a password) and that its Deployment does not set: the pod would use them as they are.
    /// </summary>
    private static List<string> AppsettingsNotReplaced(IReadOnlyList<JsonObject> rendered, HostProject project)
    {
        if (!File.Exists(project.AppSettings))
        {
            return [];
        }

        var container = rendered.Named("Deployment", project.Deployment).MainContainer();
        var given = container.Env().Select(variable => variable.Text("name"))
            .Concat(container.EnvFrom().SelectMany(source => PodEnvironment.ConfigMapData(rendered, source.Text("configMapRef.name"))?.Keys ?? []))
            .Select(HostUnderManifest.SettingKey)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Flatten(JsonNode.Parse(File.ReadAllText(project.AppSettings))!, string.Empty)
            .Where(setting => MachineLocal().IsMatch(setting.Value) && !given.Contains(setting.Key))
            .Select(setting => setting.Key)
            .ToList();
    }

    /// <summary>
    /// Read by the framework rather than our code, where no key is noted: the environment (a host setting)
    /// and Kestrel's endpoints (read as the server starts), each of a fixed shape.
    /// </summary>
    private static bool ReadByTheFramework(string variable) =>
        variable == "ASPNETCORE_ENVIRONMENT" || KestrelEndpoint().IsMatch(variable);

    private static IEnumerable<KeyValuePair<string, string>> Flatten(JsonNode node, string prefix) => node switch
    {
        JsonObject map => map.SelectMany(entry => Flatten(entry.Value!, prefix.Length == 0 ? entry.Key : $"{prefix}:{entry.Key}")),
        JsonArray list => list.SelectMany((item, index) => Flatten(item!, $"{prefix}:{index}")),
        _ => [new(prefix, node.ToString())],
    };

    [GeneratedRegex(@"^Kestrel__Endpoints__[A-Za-z]+__(Url|Protocols)$")]
    private static partial Regex KestrelEndpoint();

    /// <summary>A value that only works on a developer's machine: a loopback address or a password.</summary>
    [GeneratedRegex("127\\.0\\.0\\.1|localhost|Password=", RegexOptions.IgnoreCase)]
    private static partial Regex MachineLocal();
}
